import { commandExample, EXAMPLE_IDS as ids, text } from '../../../testing/command-examples';
import type { LeaveDoetankRequestDto } from './leave-doetank.request.dto';

export const EXAMPLE = commandExample<LeaveDoetankRequestDto>({
  params: { doetankId: ids.doetank, memberId: ids.fatima },
  body: { occurredAt: '2013-10-01T09:00:00+02:00' },
  fields: { reason: text(1000) },
  required: [],
  access: async (f, self) => {
    const doetankId = await f.doetank(await f.member());
    await f.member(self);
    const joined = await f.post(`/doetanks/${doetankId}/members`, { memberId: self });
    expect(joined.status).toBe(200);
    return { path: `/doetanks/${doetankId}/members/${self}/leave`, body: {} };
  },
});
