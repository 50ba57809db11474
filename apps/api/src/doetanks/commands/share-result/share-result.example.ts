import { commandExample, EXAMPLE_IDS as ids, text, id, url, oneOf } from '../../../testing/command-examples';
import type { ShareResultRequestDto } from './share-result.request.dto';

export const EXAMPLE = commandExample<ShareResultRequestDto>({
  body: {
    resultId: ids.result,
    kind: 'business-case',
    title: 'Business case: één intake voor schulden en zorg',
    link: 'https://www.slimmernetwerk.nl/doetanks/een-keukentafelgesprek/business-case.pdf',
    sharedBy: ids.fatima,
    occurredAt: '2013-09-30T15:45:00+02:00',
  },
  fields: { resultId: id, kind: oneOf, title: text(200), link: url, sharedBy: id },
  required: ['kind', 'title', 'sharedBy'],
  access: async (f, self) => ({
    path: `/doetanks/${await f.doetank(await f.member(self), { started: true })}/results`,
    body: { kind: 'report', title: 'Rapport', sharedBy: self },
  }),
});
