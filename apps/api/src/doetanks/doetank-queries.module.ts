import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetDoetankHandler } from './queries/get-doetank/get-doetank.handler';
import { GetDoetankHttpController } from './queries/get-doetank/get-doetank.http.controller';
import { ListDoetanksHandler } from './queries/list-doetanks/list-doetanks.handler';
import { ListDoetanksHttpController } from './queries/list-doetanks/list-doetanks.http.controller';

/** Doetanks as the `doetanks` read model shows them: the list and the detail. Commands and audit: DoetanksModule. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ListDoetanksHttpController, GetDoetankHttpController],
  providers: [ListDoetanksHandler, GetDoetankHandler],
})
export class DoetankQueriesModule {}
