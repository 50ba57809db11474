import { newIdFor } from '../../../commands/deterministic-id';
import { commandController } from '../../../routes/command-controller';
import { JoinNetworkCommand } from './join-network.command';
import { JoinNetworkRequestDto } from './join-network.request.dto';

export const JoinNetworkHttpController = commandController({
  command: 'JoinNetwork',
  summary: 'A professional joins the network',
  description:
    'One membership per e-mail address. The member id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /members',
  access: {
    allow: ['coordinator', 'member'],
    actsAs: {
      from: 'body',
      field: 'memberId',
      required: true,
      note: 'required for a member: self-registration',
    },
  },
  body: JoinNetworkRequestDto,
  send: (_, body, { meta }) =>
    new JoinNetworkCommand(newIdFor(body.memberId, meta.idempotencyKey, 'member'), body, meta),
});
