import { commandExample, EXAMPLE_IDS as ids } from '../../../testing/command-examples';
import type { RecordGatheringHeldRequestDto } from './record-gathering-held.request.dto';

export const EXAMPLE = commandExample<RecordGatheringHeldRequestDto>({
  body: { attendees: [ids.sanne, ids.pieter, ids.fatima], occurredAt: '2013-11-21T18:00:00+01:00' },
  fields: { attendees: { kind: 'attendees' } },
  required: ['attendees'],
  access: async (f) => ({
    path: `/gatherings/${await f.gathering('2012-03-14T16:00:00Z')}/held`,
    body: { attendees: [], occurredAt: '2012-03-14T20:00:00Z' },
  }),
});
