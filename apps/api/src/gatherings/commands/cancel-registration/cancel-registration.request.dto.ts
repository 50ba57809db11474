import { CommandRequestDto } from '../../../commands/command-request.dto';

/** `POST /gatherings/:gatheringId/registrations/:memberId/cancel`: a member cancels their registration. */
export class CancelRegistrationRequestDto extends CommandRequestDto {}
