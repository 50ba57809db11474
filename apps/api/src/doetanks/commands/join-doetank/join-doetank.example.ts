import { commandExample, EXAMPLE_IDS as ids, id } from '../../../testing/command-examples';
import type { JoinDoetankRequestDto } from './join-doetank.request.dto';

export const EXAMPLE = commandExample<JoinDoetankRequestDto>({
  body: {
    memberId: ids.fatima,
    occurredAt: '2013-03-12T13:00:00+01:00',
  },
  fields: { memberId: id },
  required: ['memberId'],
  access: async (f, self) => {
    const doetankId = await f.doetank(await f.member());
    return { path: `/doetanks/${doetankId}/members`, body: { memberId: await f.member(self) } };
  },
});
