import { Module } from '@nestjs/common';
import { CloseDiscussionHandler } from './commands/close-discussion/close-discussion.handler';
import { CloseDiscussionHttpController } from './commands/close-discussion/close-discussion.http.controller';
import { StartDiscussionHandler } from './commands/start-discussion/start-discussion.handler';
import { StartDiscussionHttpController } from './commands/start-discussion/start-discussion.http.controller';

@Module({
  controllers: [StartDiscussionHttpController, CloseDiscussionHttpController],
  providers: [StartDiscussionHandler, CloseDiscussionHandler],
})
export class DiscussionsModule {}
