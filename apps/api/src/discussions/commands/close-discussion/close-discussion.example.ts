import { commandExample } from '../../../testing/command-examples';
import type { CloseDiscussionRequestDto } from './close-discussion.request.dto';

export const EXAMPLE = commandExample<CloseDiscussionRequestDto>({
  body: { occurredAt: '2013-06-30T23:00:00+02:00' },
  fields: {},
  required: [],
  access: async (f) => {
    const answer = await f.post('/discussions', {
      title: 'Wie weet dit?',
      link: 'https://example.nl/d/2',
      startedBy: await f.member(),
    });
    expect(answer.status).toBe(201);
    return { path: `/discussions/${answer.body.aggregateId}/close`, body: {} };
  },
});
