import {
  commandExample,
  EXAMPLE_IDS as ids,
  text,
  id,
  url,
  themeId,
} from '../../../testing/command-examples';
import type { StartDiscussionRequestDto } from './start-discussion.request.dto';

export const EXAMPLE = commandExample<StartDiscussionRequestDto>({
  body: {
    discussionId: ids.discussion,
    title: 'Wie heeft ervaring met één intakeformulier voor meerdere loketten?',
    link: 'https://www.linkedin.com/groups/2895643/discussions/een-intakeformulier',
    startedBy: ids.fatima,
    themeId: '2013-sociaal-domein',
    doetankId: ids.doetank,
    occurredAt: '2013-04-02T21:05:00+02:00',
  },
  fields: { discussionId: id, title: text(200), link: url, startedBy: id, themeId, doetankId: id },
  required: ['title', 'link', 'startedBy'],
  access: async (f, self) => ({
    path: '/discussions',
    body: { title: 'Wie weet dit?', link: 'https://example.nl/d/1', startedBy: await f.member(self) },
  }),
});
