import { commandExample, id, oneOf, text, url } from '../../../testing/command-examples';
import { LIMITS } from '@app/contracts';
import type { PublishNetworkResultRequestDto } from './publish-network-result.request.dto';

export const EXAMPLE = commandExample<PublishNetworkResultRequestDto>({
  params: { year: '2012' },
  body: {
    resultId: '5e7a9c1b-3d4f-4b6a-8c0e-4f6a8c0e2b79',
    title: 'Innoveren door professionals',
    kind: 'film',
    description: 'Film over de Grand Café van 22 november 2012.',
    link: 'https://www.kl.nl/nieuws/loskomen-van-de-tekentafel-op-het-slimmernetwerk-grandcafe/',
    makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
    publishedOn: '2012-11-22',
    occurredAt: '2012-11-22T21:00:00+01:00',
  },
  fields: {
    resultId: id,
    title: text(LIMITS.title),
    kind: oneOf,
    description: text(LIMITS.description),
    link: url,
    makers: { kind: 'credits' },
    publishedOn: { kind: 'date' },
  },
  required: ['title', 'kind', 'makers', 'publishedOn'],
  access: async () => ({
    path: '/network-years/2012/results',
    body: {
      title: 'Een film',
      kind: 'film',
      makers: [{ name: 'Een Maker' }],
      publishedOn: '2012-11-22',
      occurredAt: '2012-11-22T21:00:00Z',
    },
  }),
});
