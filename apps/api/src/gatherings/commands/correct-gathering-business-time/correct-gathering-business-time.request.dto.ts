import { BusinessTimeCorrectionRequestDto } from '../../../shared/business-time-correction.request.dto';

/** `POST /gatherings/:gatheringId/business-time-corrections`: a correction on the gathering's stream. */
export class CorrectGatheringBusinessTimeRequestDto extends BusinessTimeCorrectionRequestDto {}
