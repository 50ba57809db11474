import { commandExample, EXAMPLE_IDS as ids, id } from '../../../testing/command-examples';
import type { RegisterForGatheringRequestDto } from './register-for-gathering.request.dto';

export const EXAMPLE = commandExample<RegisterForGatheringRequestDto>({
  body: { memberId: ids.fatima, occurredAt: '2013-10-14T20:12:00+02:00' },
  fields: { memberId: id },
  required: ['memberId'],
  access: async (f, self) => ({
    path: `/gatherings/${await f.gathering()}/registrations`,
    body: { memberId: await f.member(self) },
  }),
});
