import { streams } from '@app/contracts';
import { membersActingIn } from '@app/domain';
import { CorrectGatheringBusinessTimeRequestDto } from './correct-gathering-business-time.request.dto';
import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

// Correcting the record is a coordinator's act, on a gathering's stream as on a Doetank's.
export const CorrectGatheringBusinessTimeHttpController = commandController({
  command: 'CorrectGatheringBusinessTime',
  tag: 'Audit',
  summary: 'Corrects the business time recorded for one event of a gathering',
  description:
    "Appends a BusinessTimeCorrected event to the gathering's stream (revision, old and new time, reason; who in " +
    'its metadata); the corrected event is never rewritten. The new time must stay after the event before it and ' +
    'not after the one that follows (409 BUSINESS_TIME.BEFORE_DEPENDENCY / AFTER_DEPENDENT, naming both times), ' +
    "not before the member who registered or any attendee joined the network, and a holding not before the gathering's " +
    'start (409 GATHERING.NOT_YET_HELD).',
  route: 'POST /gatherings/:gatheringId/business-time-corrections',
  access: { allow: ['coordinator'] },
  body: CorrectGatheringBusinessTimeRequestDto,
  send: ({ gatheringId }, body) =>
    onGathering(gatheringId, async ({ clock, facts }) => {
      const corrected = await facts.recordedEvent(streams.gathering(gatheringId), body.revision);
      return {
        type: 'CorrectGatheringBusinessTime',
        data: {
          gatheringId,
          revision: body.revision,
          // Normalised like every business time (the DTO has checked it is a date-time).
          correctedTo: new Date(body.correctedTo).toISOString(),
          reason: body.reason,
        },
        context: {
          clock,
          corrected,
          members: corrected ? await facts.members([...membersActingIn(corrected)]) : [],
        },
      };
    }),
});
