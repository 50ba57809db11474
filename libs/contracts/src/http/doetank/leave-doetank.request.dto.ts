import { CommandRequestDto } from '../command-request.dto';

/** `POST /doetanks/:doetankId/members/:memberId/leave`: a member leaves a Doetank. */
export class LeaveDoetankRequestDto extends CommandRequestDto {}
