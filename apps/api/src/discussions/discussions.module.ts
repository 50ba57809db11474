import { Module } from '@nestjs/common';
import { CloseDiscussionHttpController } from './commands/close-discussion/close-discussion.http.controller';
import { StartDiscussionHttpController } from './commands/start-discussion/start-discussion.http.controller';

@Module({
  controllers: [StartDiscussionHttpController, CloseDiscussionHttpController],
})
export class DiscussionsModule {}
