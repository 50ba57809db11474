import { commandExample, EXAMPLE_IDS as ids, text, id } from '../../../testing/command-examples';
import type { AssignCoachRequestDto } from './assign-coach.request.dto';

/** `AssignCoach` in the tests: a valid request, the fields of its DTO, and a request the access matrix can send. */
export const EXAMPLE = commandExample<AssignCoachRequestDto>({
  command: 'AssignCoach',
  params: { doetankId: ids.doetank },
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
