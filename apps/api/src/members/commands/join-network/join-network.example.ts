import {
  commandExample,
  EXAMPLE_IDS as ids,
  text,
  id,
  email,
  oneOf,
} from '../../../testing/command-examples';
import type { JoinNetworkRequestDto } from './join-network.request.dto';

export const EXAMPLE = commandExample<JoinNetworkRequestDto>({
  body: {
    memberId: ids.sanne,
    name: 'Sanne de Vries',
    email: 'sanne.devries@utrecht.nl',
    organisation: 'Gemeente Utrecht',
    sector: 'gemeente',
    role: 'professional',
    occurredAt: '2012-09-03T10:00:00+02:00',
  },
  fields: { memberId: id, name: text(200), email, organisation: text(200), sector: oneOf, role: oneOf },
  required: ['name', 'email', 'organisation', 'sector', 'role'],
  access: async (_f, self) => ({
    path: '/members',
    body: {
      memberId: self,
      name: 'Nieuw Lid',
      email: `${self}@example.nl`,
      organisation: 'Provincie Utrecht',
      sector: 'provincie',
      role: 'manager',
    },
  }),
});
