import { commandExample, text } from '../../../testing/command-examples';
import type { SecureClientRequestDto } from './secure-client.request.dto';

export const EXAMPLE = commandExample<SecureClientRequestDto>({
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
