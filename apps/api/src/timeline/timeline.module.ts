import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ListTimelineHandler } from './queries/list-timeline/list-timeline.handler';
import { ListTimelineHttpController } from './queries/list-timeline/list-timeline.http.controller';

/** The network's activity timeline (read model `timeline`). */
@Module({
  imports: [ReadModelsModule],
  controllers: [ListTimelineHttpController],
  providers: [ListTimelineHandler],
})
export class TimelineModule {}
