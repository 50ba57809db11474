import { commandController } from '../../../routes/command-controller';
import { ForgetMemberCommand } from './forget-member.command';
import { ForgetMemberRequestDto } from './forget-member.request.dto';

export const ForgetMemberHttpController = commandController({
  command: 'ForgetMember',
  summary: 'The network forgets a member: personal data is erased, the history stays',
  route: 'POST /members/:memberId/forget',
  // Forgetting is done by the network: a coordinator, who is the actor in the event's metadata.
  access: { allow: ['coordinator'] },
  body: ForgetMemberRequestDto,
  send: ({ memberId }, body, { meta }) => new ForgetMemberCommand(memberId, body, meta),
});
