import { commandExample, EXAMPLE_IDS as ids, text, id } from '../../../testing/command-examples';
import type { AssignCoachRequestDto } from './assign-coach.request.dto';

export const EXAMPLE = commandExample<AssignCoachRequestDto>({
  body: {
    coachId: ids.pieter,
    occurredAt: '2013-02-18T10:00:00+01:00',
  },
  fields: { coachId: id, reason: text(1000) },
  required: ['coachId'],
  access: async (f, self) => {
    const doetankId = await f.doetank(await f.member(self));
    return { path: `/doetanks/${doetankId}/coach`, body: { coachId: await f.member() } };
  },
});
