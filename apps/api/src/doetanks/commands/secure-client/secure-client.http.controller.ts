import { SecureClientRequestDto } from './secure-client.request.dto';
import { onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';
import { commandController } from '../../../routes/command-controller';

export const SecureClientHttpController = commandController({
  command: 'SecureClient',
  summary: 'An organisation commits as the client ("opdrachtgever") of a Doetank',
  route: 'POST /doetanks/:doetankId/client',
  access: { allow: ['coordinator', 'member'], lead: 'doetankId' },
  body: SecureClientRequestDto,
  send: ({ doetankId }, body) =>
    onDoetank(doetankId, ({ meta }) => ({
      type: 'SecureClient',
      data: { doetankId, organisation: body.organisation, contactName: body.contactName },
      actor: actorOf(meta),
    })),
});
