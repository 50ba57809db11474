import { CommandRequestDto } from '../../../commands/command-request.dto';

/** `POST /discussions/:discussionId/close`: the discussion is closed. */
export class CloseDiscussionRequestDto extends CommandRequestDto {}
