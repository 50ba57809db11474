import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetGatheringHandler } from './queries/get-gathering/get-gathering.handler';
import { GetGatheringHttpController } from './queries/get-gathering/get-gathering.http.controller';
import { ListGatheringsHandler } from './queries/list-gatherings/list-gatherings.handler';
import { ListGatheringsHttpController } from './queries/list-gatherings/list-gatherings.http.controller';

/** Gatherings as the `gatherings` read model shows them: the list and the detail. Commands: GatheringsModule. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ListGatheringsHttpController, GetGatheringHttpController],
  providers: [ListGatheringsHandler, GetGatheringHandler],
})
export class GatheringQueriesModule {}
