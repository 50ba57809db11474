import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ListMembersHandler } from './queries/list-members/list-members.handler';
import { ListMembersHttpController } from './queries/list-members/list-members.http.controller';

/** The member directory (read model `members`). Commands: MembersModule. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ListMembersHttpController],
  providers: [ListMembersHandler],
})
export class MemberQueriesModule {}
