import { commandExample, EXAMPLE_IDS as ids, text, id, themeId } from '../../../testing/command-examples';
import type { ProposeDoetankRequestDto } from './propose-doetank.request.dto';

export const EXAMPLE = commandExample<ProposeDoetankRequestDto>({
  body: {
    doetankId: ids.doetank,
    title: 'Eén keukentafelgesprek in plaats van vijf loketten',
    problemStatement:
      'Een gezin met schulden en een zorgvraag spreekt in Utrecht met vijf loketten die elk hun eigen intake doen. ' +
      'Hoe komen we tot één gesprek, zonder dat regels over gegevensdeling het tegenhouden?',
    proposedBy: ids.sanne,
    themeId: '2013-sociaal-domein',
    occurredAt: '2013-02-11T14:30:00+01:00',
  },
  fields: { doetankId: id, title: text(200), problemStatement: text(5000), proposedBy: id, themeId },
  required: ['title', 'problemStatement', 'proposedBy'],
  access: async (f, self) => ({
    path: '/doetanks',
    body: { title: 'Nieuw', problemStatement: 'Een probleem', proposedBy: await f.member(self) },
  }),
});
