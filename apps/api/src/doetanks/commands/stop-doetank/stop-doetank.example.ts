import { commandExample, text } from '../../../testing/command-examples';
import type { StopDoetankRequestDto } from './stop-doetank.request.dto';

export const EXAMPLE = commandExample<StopDoetankRequestDto>({
  body: {
    reason: 'De opdrachtgever is na de reorganisatie weggevallen.',
    occurredAt: '2013-06-03T12:00:00+02:00',
  },
  fields: { reason: text(1000) },
  required: ['reason'],
  access: async (f, self) => ({
    path: `/doetanks/${await f.doetank(await f.member(self))}/stop`,
    body: { reason: 'Geen tijd' },
  }),
});
