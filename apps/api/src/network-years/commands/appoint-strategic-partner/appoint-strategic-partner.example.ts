import { randomUUID } from 'node:crypto';
import { commandExample, text } from '../../../testing/command-examples';
import type { AppointStrategicPartnerRequestDto } from './appoint-strategic-partner.request.dto';

export const EXAMPLE = commandExample<AppointStrategicPartnerRequestDto>({
  body: {
    organisation: 'KING (Kwaliteitsinstituut Nederlandse Gemeenten)',
    description: 'KING brengt Doetank-resultaten onder de aandacht van alle gemeenten en host twee Cafés.',
    occurredAt: '2013-01-15T10:00:00+01:00',
  },
  fields: { organisation: text(200), description: text(2000) },
  required: ['organisation'],
  access: async () => ({
    path: '/network-years/2013/strategic-partners',
    body: { organisation: `Partner ${randomUUID()}`, occurredAt: '2013-01-15T10:00:00Z' },
  }),
});
