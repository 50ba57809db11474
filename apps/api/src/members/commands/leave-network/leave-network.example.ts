import { commandExample, text } from '../../../testing/command-examples';
import type { LeaveNetworkRequestDto } from './leave-network.request.dto';

export const EXAMPLE = commandExample<LeaveNetworkRequestDto>({
  body: {
    reason: 'Nieuwe baan buiten de publieke sector.',
    occurredAt: '2014-06-30T17:00:00+02:00',
  },
  fields: { reason: text(1000) },
  required: [],
  access: async (f, self) => ({
    path: `/members/${await f.member(self)}/leave`,
    body: {},
  }),
});
