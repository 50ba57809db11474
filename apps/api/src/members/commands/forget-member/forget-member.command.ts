import { RequestCommand } from '../../../commands/request-command';
import type { ForgetMemberRequestDto } from './forget-member.request.dto';

/** Spans streams, so it has a handler of its own (`forget-member.handler.ts`). */
export class ForgetMemberCommand extends RequestCommand<ForgetMemberRequestDto> {}
