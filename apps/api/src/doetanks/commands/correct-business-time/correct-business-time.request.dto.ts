import { BusinessTimeCorrectionRequestDto } from '../../../shared/business-time-correction.request.dto';

/** `POST /doetanks/:doetankId/business-time-corrections`: a correction on the Doetank's stream. */
export class CorrectBusinessTimeRequestDto extends BusinessTimeCorrectionRequestDto {}
