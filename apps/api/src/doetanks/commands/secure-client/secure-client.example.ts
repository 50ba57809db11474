import { commandExample, EXAMPLE_IDS as ids, text } from '../../../testing/command-examples';
import type { SecureClientRequestDto } from './secure-client.request.dto';

/** `SecureClient` in the tests: a valid request, the fields of its DTO, and a request the access matrix can send. */
export const EXAMPLE = commandExample<SecureClientRequestDto>({
  command: 'SecureClient',
  params: { doetankId: ids.doetank },
  body: {
    organisation: 'Gemeente Utrecht, afdeling Werk en Inkomen',
    contactName: 'Marloes Jansen',
    occurredAt: '2013-02-25T11:00:00+01:00',
  },
  fields: { organisation: text(200), contactName: text(200) },
  required: ['organisation'],
  access: async (f, self) => ({
    path: `/doetanks/${await f.doetank(await f.member(self))}/client`,
    body: { organisation: 'Gemeente Zaanstad' },
  }),
});
