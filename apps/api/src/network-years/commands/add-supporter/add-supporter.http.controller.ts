import { AddSupporterRequestDto } from './add-supporter.request.dto';
import { newIdFor } from '../../../commands/deterministic-id';
import { onNetworkYear } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const AddSupporterHttpController = commandController({
  command: 'AddSupporter',
  summary: 'Someone joins the committee of supporters ("comité van aanbeveling") for a year',
  description: 'The supporter id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /network-years/:year/supporters',
  access: { allow: ['coordinator'] },
  body: AddSupporterRequestDto,
  send: ({ year }, body, { meta }) => {
    const supporterId = newIdFor(body.supporterId, meta.idempotencyKey, 'supporter');
    return onNetworkYear(year, () => ({
      type: 'AddSupporter',
      data: { year, supporterId, name: body.name, affiliation: body.affiliation },
    }));
  },
});
