import { commandExample, EXAMPLE_IDS as ids, text } from '../../../testing/command-examples';
import { LIMITS } from '@app/contracts';
import type { RecordGatheringReportRequestDto } from './record-gathering-report.request.dto';

export const EXAMPLE = commandExample<RecordGatheringReportRequestDto>({
  params: { gatheringId: ids.gathering },
  body: {
    summary:
      'Zo’n honderd vernieuwers in de Beurs van Berlage; KING stelde zich voor als strategisch partner.',
    links: [
      {
        title: "Film 'Innoveren door professionals'",
        url: 'https://www.kl.nl/nieuws/loskomen-van-de-tekentafel-op-het-slimmernetwerk-grandcafe/',
        maker: 'Robin de Lange (filmmaker)',
      },
    ],
    quotes: [
      {
        text: 'Een reis waarvan we het eindpunt nog niet kennen.',
        speaker: 'Lucas Lombaers',
        role: 'ministerie van BZK',
      },
    ],
    guests: 12,
    occurredAt: '2012-12-04T10:00:00+01:00',
  },
  fields: {
    summary: text(LIMITS.longText),
    links: { kind: 'reportLinks' },
    quotes: { kind: 'quotes' },
    guests: { kind: 'capacity' },
  },
  required: ['summary'],
  access: async (f) => {
    const gatheringId = await f.gathering('2012-03-14T16:00:00Z');
    await f.post(`/gatherings/${gatheringId}/held`, { attendees: [], occurredAt: '2012-03-14T20:00:00Z' });
    return {
      path: `/gatherings/${gatheringId}/report`,
      body: { summary: 'Een goede avond.', occurredAt: '2012-03-15T10:00:00Z' },
    };
  },
});
