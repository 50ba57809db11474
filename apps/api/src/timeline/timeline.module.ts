import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ListTimelineHandler } from './queries/list-timeline/list-timeline.handler';
import { ListTimelineHttpController } from './queries/list-timeline/list-timeline.http.controller';
import { ExportTimelineHttpController } from './queries/list-timeline/export-timeline.http.controller';
import { TimelineLiveHttpController } from './live/timeline-live.http.controller';
import { TimelineLiveService } from './live/timeline-live.service';

/** The network's activity timeline (read model `timeline`). */
@Module({
  imports: [ReadModelsModule],
  // The export first: its path `/timeline/export` is fixed, and declared before any parameterised sibling.
  controllers: [ExportTimelineHttpController, TimelineLiveHttpController, ListTimelineHttpController],
  providers: [ListTimelineHandler, TimelineLiveService],
})
export class TimelineModule {}
