import { commandExample, text } from '../../../testing/command-examples';
import type { ForgetMemberRequestDto } from './forget-member.request.dto';

export const EXAMPLE = commandExample<ForgetMemberRequestDto>({
  body: {
    reason: 'Verzoek tot verwijdering (AVG art. 17) ontvangen op 4 juli 2014.',
    occurredAt: '2014-07-07T11:15:00+02:00',
  },
  fields: { reason: text(1000) },
  required: ['reason'],
  access: async (f, self) => ({
    path: `/members/${await f.member(self)}/forget`,
    body: { reason: 'Verzoek van betrokkene' },
  }),
});
