import { commandExample, text, url } from '../../../testing/command-examples';
import { LIMITS } from '@app/contracts';
import type { MeasureCommunitySizeRequestDto } from './measure-community-size.request.dto';

export const EXAMPLE = commandExample<MeasureCommunitySizeRequestDto>({
  params: { year: '2012' },
  body: {
    community: 'LinkedIn-groep Slimmernetwerk',
    size: 3000,
    approximate: true,
    measuredOn: '2012-12-04',
    link: 'https://www.linkedin.com/groups/slimmernetwerk',
    occurredAt: '2012-12-04T12:00:00+01:00',
  },
  fields: {
    community: text(LIMITS.name),
    size: { kind: 'count' },
    approximate: { kind: 'flag' },
    measuredOn: { kind: 'date' },
    link: url,
  },
  required: ['community', 'size', 'measuredOn'],
  access: async () => ({
    path: '/network-years/2012/community-sizes',
    body: {
      community: 'LinkedIn-groep',
      size: 10,
      measuredOn: '2012-12-04',
      occurredAt: '2012-12-04T12:00:00Z',
    },
  }),
});
