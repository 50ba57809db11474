import { AppointStrategicPartnerRequestDto } from './appoint-strategic-partner.request.dto';
import { onNetworkYear } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const AppointStrategicPartnerHttpController = commandController({
  command: 'AppointStrategicPartner',
  summary: 'An organisation becomes a strategic partner of the network for a year',
  route: 'POST /network-years/:year/strategic-partners',
  access: { allow: ['coordinator'] },
  body: AppointStrategicPartnerRequestDto,
  send: ({ year }, body) =>
    onNetworkYear(year, () => ({
      type: 'AppointStrategicPartner',
      data: { year, organisation: body.organisation, description: body.description },
    })),
});
