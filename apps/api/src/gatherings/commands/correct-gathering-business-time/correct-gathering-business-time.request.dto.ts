import { CorrectBusinessTimeRequestDto } from '../../../doetanks/commands/correct-business-time/correct-business-time.request.dto';

/**
 * `POST /gatherings/:gatheringId/business-time-corrections`: the event at `revision` of the gathering's stream
 * happened at `correctedTo`. The fields and their rules are a Doetank's correction's; a class of its own, so that
 * every command has its own request schema.
 */
export class CorrectGatheringBusinessTimeRequestDto extends CorrectBusinessTimeRequestDto {}
