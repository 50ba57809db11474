import { BusinessTimeCorrectionRequestDto } from '../../../shared/business-time-correction.request.dto';

/** `POST /members/:memberId/business-time-corrections`: a correction on the member's stream. */
export class CorrectMemberBusinessTimeRequestDto extends BusinessTimeCorrectionRequestDto {}
