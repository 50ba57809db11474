import { commandExample, text } from '../../../testing/command-examples';
import type { CancelGatheringRequestDto } from './cancel-gathering.request.dto';

export const EXAMPLE = commandExample<CancelGatheringRequestDto>({
  body: {
    reason: 'De Beurs van Berlage is die middag niet beschikbaar; we zoeken een nieuwe datum.',
    occurredAt: '2013-10-01T12:00:00+02:00',
  },
  fields: { reason: text(1000) },
  required: ['reason'],
  access: async (f) => ({
    path: `/gatherings/${await f.gathering()}/cancel`,
    body: { reason: 'Geen zaal' },
  }),
});
