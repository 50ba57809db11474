import { commandExample, text, oneOf } from '../../../testing/command-examples';
import type { ChangeAffiliationRequestDto } from './change-affiliation.request.dto';

export const EXAMPLE = commandExample<ChangeAffiliationRequestDto>({
  body: {
    organisation: 'Rijkswaterstaat',
    sector: 'uitvoeringsorganisatie',
    role: 'manager',
    occurredAt: '2014-01-06T09:00:00+01:00',
  },
  fields: { organisation: text(200), sector: oneOf, role: oneOf },
  required: ['organisation', 'sector', 'role'],
  access: async (f, self) => ({
    path: `/members/${await f.member(self)}/affiliation`,
    body: { organisation: 'Rijkswaterstaat', sector: 'rijk', role: 'manager' },
  }),
});
