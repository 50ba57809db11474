import { commandExample, EXAMPLE_IDS as ids, text, id } from '../../../testing/command-examples';
import type { AddSupporterRequestDto } from './add-supporter.request.dto';

export const EXAMPLE = commandExample<AddSupporterRequestDto>({
  body: {
    supporterId: ids.supporter,
    name: 'Hendrik-Jan van Dijk',
    affiliation: 'Dijkgraaf, Hoogheemraadschap De Stichtse Rijnlanden',
    occurredAt: '2013-01-21T10:00:00+01:00',
  },
  fields: { supporterId: id, name: text(200), affiliation: text(200) },
  required: ['name'],
  access: async () => ({
    path: '/network-years/2013/supporters',
    body: { name: 'Een Supporter', occurredAt: '2013-01-21T10:00:00Z' },
  }),
});
