import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';
import { RecordGatheringHeldRequestDto } from './record-gathering-held.request.dto';

export const RecordGatheringHeldHttpController = commandController({
  command: 'RecordGatheringHeld',
  note: 'attendance',
  summary: 'A gathering took place: who attended is recorded',
  description:
    "The moment it was held is the business time (`occurredAt`), on or after the gathering's start. " +
    'Every attendee must be a known member who joined the network by then (409 BUSINESS_TIME.BEFORE_DEPENDENCY ' +
    'names the first who had not, with both times); they need not have registered.',
  route: 'POST /gatherings/:gatheringId/held',
  access: { allow: ['coordinator'] },
  body: RecordGatheringHeldRequestDto,
  send: ({ gatheringId }, body) =>
    onGathering(gatheringId, async ({ facts, meta }) => ({
      type: 'RecordGatheringHeld',
      // Held when it happened: the command's business time, already normalised to UTC.
      data: { gatheringId, attendees: body.attendees, heldOn: meta.occurredAt },
      context: { attendees: await facts.members(body.attendees) },
    })),
});
