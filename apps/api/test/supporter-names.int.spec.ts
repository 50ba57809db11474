import { randomUUID } from 'node:crypto';
import { ApiHarness, type ApiClient } from './api-harness';

/**
 * Security finding: the timeline hid supporters' names while the anonymous retrospective and report showed them.
 * The policy (docs/security.md, "Supporters"): supporters are a public role, named in the press release, so their
 * names are shown alike everywhere: the timeline (also to anonymous readers, and so on the web page, which shows the
 * timeline's summaries), the retrospective and the report.
 */
describe("Supporters' names", () => {
  let api: ApiHarness;
  const supporter = { name: 'Jan Bestuurder', affiliation: 'Ministerie van BZK' };
  let position: number;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    const added = await api.post('/network-years/2013/supporters', {
      supporterId: randomUUID(),
      ...supporter,
      occurredAt: '2013-03-01T10:00:00Z',
    });
    expect(added.status).toBe(201);
    position = added.body.position;
    // A signed-in read waits for the projections (an anonymous one waits a second at most).
    for (const path of ['/timeline', '/retrospectives/2013']) {
      const read = await api.request('GET', `${path}?minPosition=${position}`);
      expect(read.headers.get('x-read-model-consistent')).toBe('true');
    }
  });
  afterAll(() => api.stop());

  /** What each public view says of the year's supporters, as the given reader sees it. */
  async function views(reader: ApiClient) {
    const timeline = await reader.request('GET', `/timeline?minPosition=${position}&limit=100`);
    const retrospective = await reader.request('GET', `/retrospectives/2013?minPosition=${position}`);
    const html = await reader.request('GET', `/retrospectives/2013/report?minPosition=${position}`);
    const markdown = await reader.request(
      'GET',
      `/retrospectives/2013/report?format=md&minPosition=${position}`,
    );
    for (const answer of [timeline, retrospective, html, markdown]) expect(answer.status).toBe(200);
    const entry = timeline.body.items.find((item: any) => item.type === 'SupporterAdded');
    return {
      timeline: JSON.stringify(entry),
      retrospective: JSON.stringify(retrospective.body),
      report: String(html.body),
      markdown: String(markdown.body),
    };
  }

  it.each([
    ['an anonymous reader', () => api.anonymous()],
    ['a member', () => api.as('member')],
    ['a coordinator', () => api],
  ])('are shown alike in the timeline, the retrospective and the report, to %s', async (_who, reader) => {
    const seen = await views(reader());
    for (const [view, text] of Object.entries(seen)) {
      expect({ view, name: text.includes(supporter.name) }).toEqual({ view, name: true });
      expect({ view, affiliation: text.includes(supporter.affiliation) }).toEqual({
        view,
        affiliation: true,
      });
    }
    expect(JSON.parse(seen.timeline).summary).toBe(
      'Jan Bestuurder (Ministerie van BZK) is supporter voor 2013',
    );
  });
});
