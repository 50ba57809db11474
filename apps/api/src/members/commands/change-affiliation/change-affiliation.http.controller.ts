import { ChangeAffiliationRequestDto } from './change-affiliation.request.dto';
import { onMember } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const ChangeAffiliationHttpController = commandController({
  command: 'ChangeAffiliation',
  summary: 'A member moves to another organisation, sector or role',
  route: 'POST /members/:memberId/affiliation',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'path', field: 'memberId' } },
  body: ChangeAffiliationRequestDto,
  send: ({ memberId }, body) =>
    onMember(memberId, () => ({
      type: 'ChangeAffiliation',
      data: { memberId, organisation: body.organisation, sector: body.sector, role: body.role },
    })),
});
