import { MeasureCommunitySizeRequestDto } from './measure-community-size.request.dto';
import { onNetworkYear } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const MeasureCommunitySizeHttpController = commandController({
  command: 'MeasureCommunitySize',
  summary: 'The size of a community around the network (e.g. its LinkedIn group) on a day',
  description:
    'Distinct from registered members: the report shows it in its community section. The same count again ' +
    'records nothing; another count of the same community and day replaces it.',
  route: 'POST /network-years/:year/community-sizes',
  access: { allow: ['coordinator'] },
  body: MeasureCommunitySizeRequestDto,
  send: ({ year }, body) =>
    onNetworkYear(year, () => ({
      type: 'MeasureCommunitySize',
      data: {
        year,
        community: body.community,
        size: body.size,
        approximate: body.approximate === true,
        measuredOn: body.measuredOn,
        ...(body.link !== undefined && { link: body.link }),
      },
    })),
});
