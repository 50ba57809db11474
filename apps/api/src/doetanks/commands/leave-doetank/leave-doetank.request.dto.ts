import { CommandRequestDto } from '../../../commands/command-request.dto';

/** `POST /doetanks/:doetankId/members/:memberId/leave`: a member leaves a Doetank. */
export class LeaveDoetankRequestDto extends CommandRequestDto {}
