import {
  commandExample,
  EXAMPLE_IDS as ids,
  text,
  id,
  oneOf,
  dateTime,
} from '../../../testing/command-examples';
import type { ScheduleGatheringRequestDto } from './schedule-gathering.request.dto';

export const EXAMPLE = commandExample<ScheduleGatheringRequestDto>({
  body: {
    gatheringId: ids.gathering,
    kind: 'grand-cafe',
    title: 'Grand Café Slimmernetwerk 2013',
    startsAt: '2013-11-21T15:00:00+01:00',
    venue: 'Beurs van Berlage',
    city: 'Amsterdam',
    capacity: 100,
    occurredAt: '2013-09-02T10:00:00+02:00',
  },
  fields: {
    gatheringId: id,
    kind: oneOf,
    title: text(200),
    startsAt: dateTime,
    venue: text(200),
    city: text(200),
    capacity: { kind: 'capacity' },
  },
  required: ['kind', 'title', 'startsAt', 'venue', 'capacity'],
  access: async () => ({
    path: '/gatherings',
    body: {
      kind: 'masterclass',
      title: 'Masterclass',
      startsAt: '2030-05-01T10:00:00Z',
      venue: 'Utrecht',
      capacity: 20,
    },
  }),
});
