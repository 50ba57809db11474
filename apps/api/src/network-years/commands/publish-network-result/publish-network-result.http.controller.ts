import { PublishNetworkResultRequestDto } from './publish-network-result.request.dto';
import { newIdFor } from '../../../commands/deterministic-id';
import { onNetworkYear } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const PublishNetworkResultHttpController = commandController({
  command: 'PublishNetworkResult',
  summary: 'A result of the network as a whole (a film, a publication), with its makers',
  description: 'Not owned by a Doetank. The result id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /network-years/:year/results',
  access: { allow: ['coordinator'] },
  body: PublishNetworkResultRequestDto,
  send: ({ year }, body, { meta }) => {
    const resultId = newIdFor(body.resultId, meta.idempotencyKey, 'network-result');
    return onNetworkYear(year, () => ({
      type: 'PublishNetworkResult',
      data: {
        year,
        resultId,
        title: body.title,
        kind: body.kind,
        ...(body.description !== undefined && { description: body.description }),
        ...(body.link !== undefined && { link: body.link }),
        makers: body.makers.map(({ name, role }) => ({ name, ...(role !== undefined && { role }) })),
        publishedOn: body.publishedOn,
      },
    }));
  },
});
