import { DescribeProgrammeRequestDto } from './describe-programme.request.dto';
import { onNetworkYear } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const DescribeProgrammeHttpController = commandController({
  command: 'DescribeProgramme',
  summary: 'The programme the network is part of: name, goals, consortium, funder, date announced',
  description:
    'Recorded on the year it was announced; describing it again replaces the description. Every later report ' +
    'names the programme in its part on organisation and funding.',
  route: 'PUT /network-years/:year/programmes/:programmeId',
  access: { allow: ['coordinator'] },
  body: DescribeProgrammeRequestDto,
  send: ({ year, programmeId }, body) =>
    onNetworkYear(year, () => ({
      type: 'DescribeProgramme',
      data: {
        year,
        programmeId,
        name: body.name,
        goals: body.goals ?? [],
        consortium: body.consortium.map(({ organisation, role }) => ({
          organisation,
          ...(role !== undefined && { role }),
        })),
        funder: {
          organisation: body.funder.organisation,
          ...(body.funder.scheme !== undefined && { scheme: body.funder.scheme }),
        },
        announcedOn: body.announcedOn,
        ...(body.reconstruction === true && { reconstruction: true }),
      },
    })),
});
