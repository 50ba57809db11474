import { CommandRequestDto } from '../command-request.dto';

/** `POST /discussions/:discussionId/close`: the discussion is closed. */
export class CloseDiscussionRequestDto extends CommandRequestDto {}
