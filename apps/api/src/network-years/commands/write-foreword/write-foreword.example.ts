import { commandExample, text } from '../../../testing/command-examples';
import { LIMITS } from '@app/contracts';
import type { WriteForewordRequestDto } from './write-foreword.request.dto';

export const EXAMPLE = commandExample<WriteForewordRequestDto>({
  body: {
    text: 'In 2013 liet Slimmernetwerk zien wat professionals zelf kunnen.',
    signedBy: { name: 'Jorrit de Jong', role: 'Kafkabrigade' },
    occurredAt: '2013-12-20T10:00:00+01:00',
  },
  fields: { text: text(LIMITS.longText), signedBy: { kind: 'credit' } },
  required: ['text', 'signedBy'],
  access: async () => ({
    path: '/network-years/2013/foreword',
    body: { text: 'Een jaar.', signedBy: { name: 'Een Coördinator' }, occurredAt: '2013-12-20T10:00:00Z' },
  }),
});
