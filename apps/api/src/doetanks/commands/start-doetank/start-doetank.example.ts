import { commandExample, EXAMPLE_IDS as ids } from '../../../testing/command-examples';
import type { StartDoetankRequestDto } from './start-doetank.request.dto';

/** `StartDoetank` in the tests: a valid request, the fields of its DTO, and a request the access matrix can send. */
export const EXAMPLE = commandExample<StartDoetankRequestDto>({
  command: 'StartDoetank',
  params: { doetankId: ids.doetank },
  body: {
    occurredAt: '2013-03-11T09:30:00+01:00',
  },
  fields: {},
  required: [],
  access: async (f, self) => ({
    path: `/doetanks/${await f.doetank(await f.member(self), { coach: true })}/start`,
    body: {},
  }),
});
