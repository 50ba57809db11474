import { streams } from '@app/contracts';
import { memberActingIn } from '@app/domain';
import { CorrectBusinessTimeRequestDto } from './correct-business-time.request.dto';
import { onDoetank } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

// Correcting the record is a coordinator's act: it changes what the history and the state at a moment say.
export const CorrectBusinessTimeHttpController = commandController({
  command: 'CorrectBusinessTime',
  tag: 'Audit',
  summary: 'Corrects the business time recorded for one event of a Doetank',
  description:
    'Appends a BusinessTimeCorrected event (revision, old and new time, reason; who in its metadata); the ' +
    'corrected event is never rewritten. The new time must stay after the event before it and not after the ' +
    'one that follows (409 BUSINESS_TIME.BEFORE_DEPENDENCY / AFTER_DEPENDENT, naming both times).',
  route: 'POST /doetanks/:doetankId/business-time-corrections',
  access: { allow: ['coordinator'] },
  body: CorrectBusinessTimeRequestDto,
  send: ({ doetankId }, body) =>
    onDoetank(doetankId, async ({ clock, facts }) => {
      const corrected = await facts.recordedEvent(streams.doetank(doetankId), body.revision);
      const actedBy = corrected && memberActingIn(corrected);
      return {
        type: 'CorrectBusinessTime',
        data: {
          doetankId,
          revision: body.revision,
          // Normalised like every business time (the DTO has checked it is a date-time).
          correctedTo: new Date(body.correctedTo).toISOString(),
          reason: body.reason,
        },
        context: { clock, corrected, ...(actedBy && { member: await facts.member(actedBy) }) },
      };
    }),
});
