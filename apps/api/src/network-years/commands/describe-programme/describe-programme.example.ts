import { commandExample, text } from '../../../testing/command-examples';
import { LIMITS } from '@app/contracts';
import type { DescribeProgrammeRequestDto } from './describe-programme.request.dto';

const PROGRAMME = '3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e57';

export const EXAMPLE = commandExample<DescribeProgrammeRequestDto>({
  params: { year: '2011', programmeId: PROGRAMME },
  body: {
    name: 'Innoveren door professionals, versterking en groei Slimmernetwerk',
    goals: ['Professionals in het openbaar bestuur vernieuwen hun eigen werk'],
    consortium: [{ organisation: 'Kennisland' }, { organisation: 'Kafkabrigade' }, { organisation: 'TNO' }],
    funder: { organisation: 'Ministerie van BZK', scheme: 'Beter Werken in het Openbaar Bestuur' },
    announcedOn: '2011-12-13',
    occurredAt: '2011-12-13T10:00:00+01:00',
  },
  fields: {
    name: text(LIMITS.title),
    goals: { kind: 'texts' },
    consortium: { kind: 'consortium' },
    funder: { kind: 'funder' },
    announcedOn: { kind: 'date' },
    reconstruction: { kind: 'flag' },
  },
  required: ['name', 'consortium', 'funder', 'announcedOn'],
  access: async () => ({
    path: `/network-years/2011/programmes/${PROGRAMME}`,
    body: {
      name: 'Een programma',
      consortium: [{ organisation: 'Kennisland' }],
      funder: { organisation: 'BZK' },
      announcedOn: '2011-12-13',
      occurredAt: '2011-12-13T10:00:00Z',
    },
  }),
});
