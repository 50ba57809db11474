import { commandExample } from '../../../testing/command-examples';
import type { StartDoetankRequestDto } from './start-doetank.request.dto';

export const EXAMPLE = commandExample<StartDoetankRequestDto>({
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
