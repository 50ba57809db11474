import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetRetrospectiveHandler } from './queries/get-retrospective/get-retrospective.handler';
import { GetRetrospectiveHttpController } from './queries/get-retrospective/get-retrospective.http.controller';

/** The annual retrospective (read model `retrospectives`). */
@Module({
  imports: [ReadModelsModule],
  controllers: [GetRetrospectiveHttpController],
  providers: [GetRetrospectiveHandler],
})
export class RetrospectivesModule {}
