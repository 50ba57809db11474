import { newIdFor } from '../../../commands/deterministic-id';
import { commandController } from '../../../routes/command-controller';
import { ProposeDoetankCommand } from './propose-doetank.command';
import { ProposeDoetankRequestDto } from './propose-doetank.request.dto';

export const ProposeDoetankHttpController = commandController({
  command: 'ProposeDoetank',
  summary: 'A member proposes a new Doetank for a problem from their own work',
  description:
    'The proposer must be an active member. With a theme, the theme must be defined for its year; ' +
    'the year then records that this Doetank works on it, so the theme cannot be removed. ' +
    'The Doetank id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /doetanks',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'body', field: 'proposedBy' } },
  body: ProposeDoetankRequestDto,
  send: (_, body, { meta }) =>
    new ProposeDoetankCommand(newIdFor(body.doetankId, meta.idempotencyKey, 'doetank'), body, meta),
});
