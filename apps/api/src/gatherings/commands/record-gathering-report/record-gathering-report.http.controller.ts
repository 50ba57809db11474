import { RecordGatheringReportRequestDto } from './record-gathering-report.request.dto';
import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const RecordGatheringReportHttpController = commandController({
  command: 'RecordGatheringReport',
  summary: 'The report of a held gathering: what happened, links to media and their makers, quotes, guests',
  description:
    'Only a held gathering has a report; recording it again replaces it. Speakers and makers are free text ' +
    '(they need not be members); guests are the people who came without being members.',
  route: 'PUT /gatherings/:gatheringId/report',
  access: { allow: ['coordinator'] },
  body: RecordGatheringReportRequestDto,
  send: ({ gatheringId }, body) =>
    onGathering(gatheringId, () => ({
      type: 'RecordGatheringReport',
      data: {
        gatheringId,
        summary: body.summary,
        links: (body.links ?? []).map(({ title, url, maker }) => ({
          title,
          url,
          ...(maker !== undefined && { maker }),
        })),
        quotes: (body.quotes ?? []).map(({ text, speaker, role }) => ({
          text,
          speaker,
          ...(role !== undefined && { role }),
        })),
        ...(body.guests !== undefined && { guests: body.guests }),
      },
    })),
});
