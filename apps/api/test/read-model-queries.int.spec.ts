import { ApiHarness, joinMember, type HttpAnswer } from './api-harness';

/** Every read-model endpoint refuses bad query parameters with a 400 problem, never a 500. */
describe('Bad query parameters to a read-model endpoint', () => {
  let api: ApiHarness;
  let timelineCursor: string;
  let doetanksCursor: string;
  let position: number;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    const member = await joinMember(api, { occurredAt: '2012-01-10T09:00:00Z' });
    for (const title of ['Eerste', 'Tweede']) {
      const answer = await api.post('/doetanks', {
        title,
        problemStatement: 'Een probleem uit het eigen werk',
        proposedBy: member,
        occurredAt: '2012-02-01T10:00:00Z',
      });
      position = answer.body.position;
    }
    timelineCursor = (await api.request('GET', `/timeline?limit=1&minPosition=${position}`)).body.nextCursor;
    doetanksCursor = (await api.request('GET', `/doetanks?limit=1&minPosition=${position}`)).body.nextCursor;
  });
  afterAll(() => api.stop());

  const expectBadRequest = async (path: string, mention?: RegExp): Promise<HttpAnswer> => {
    const answer = await api.request('GET', path);
    expect({ path, status: answer.status }).toEqual({ path, status: 400 });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400, detail: expect.any(String), code: expect.any(String) });
    if (mention)
      expect({ path, detail: answer.body.detail }).toEqual({ path, detail: expect.stringMatching(mention) });
    return answer;
  };

  it('the cursors used below are real', () => {
    expect(timelineCursor).toEqual(expect.any(String));
    expect(doetanksCursor).toEqual(expect.any(String));
  });

  it.each(['/timeline', '/doetanks', '/members', '/gatherings'])(
    '%s: unknown parameters, limits, cursors',
    async (path) => {
      await expectBadRequest(`${path}?foo=1`, /property foo should not exist/);
      await expectBadRequest(`${path}?email=a@example.nl`, /property email should not exist/);
      await expectBadRequest(`${path}?limit=0`, /limit must be an integer from 1 to 100/);
      await expectBadRequest(`${path}?limit=1000`, /limit/);
      await expectBadRequest(`${path}?limit=101`, /limit/);
      await expectBadRequest(`${path}?limit=abc`, /limit/);
      await expectBadRequest(`${path}?limit=2.5`, /limit/);
      await expectBadRequest(`${path}?cursor=`, /cursor/);
      await expectBadRequest(`${path}?cursor=not-a-cursor`, /Invalid cursor/);
      await expectBadRequest(`${path}?cursor=abc.def`, /Invalid cursor/);
      await expectBadRequest(`${path}?minPosition=-1`, /minPosition/);
      await expectBadRequest(`${path}?minPosition=abc`, /minPosition/);
      await expectBadRequest(`${path}?minPosition=1.5`, /minPosition/);
    },
  );

  it('refuses a cursor of another listing, of other filters, or tampered with', async () => {
    const refused = await expectBadRequest(`/timeline?cursor=${doetanksCursor}`, /another listing/);
    expect(refused.body.code).toBe('CURSOR.INVALID');
    await expectBadRequest(`/doetanks?cursor=${timelineCursor}`, /another listing/);
    await expectBadRequest(`/members?cursor=${timelineCursor}`, /another listing/);
    await expectBadRequest(`/timeline?kind=doetank&cursor=${timelineCursor}`, /other filters/);
    await expectBadRequest(`/doetanks?stage=proposed&cursor=${doetanksCursor}`, /other filters/);
    const [tag, inner] = timelineCursor.split('.');
    await expectBadRequest(`/timeline?cursor=${tag}.${inner.slice(0, -4)}`, /Invalid cursor/);
    await expectBadRequest(
      `/timeline?cursor=${tag}.${Buffer.from('{"v":1}').toString('base64url')}`,
      /Invalid cursor/,
    );
    // The same cursor with another page size or language is fine.
    const next = await api.request('GET', `/timeline?cursor=${timelineCursor}&limit=5&lang=en`);
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(2);
  });

  it('/timeline: ids, themes, kinds, years, periods and languages', async () => {
    await expectBadRequest('/timeline?doetank=abc', /doetank must be a lowercase UUID/);
    await expectBadRequest(
      '/timeline?member=0F5C3A1E-8B2D-4E7F-9A6C-1D3B5E7F9A20',
      /member must be a lowercase UUID/,
    );
    await expectBadRequest('/timeline?gathering=00000000-0000-0000-0000-000000000000', /gathering/);
    await expectBadRequest('/timeline?doetank=a&doetank=b', /doetank/);
    await expectBadRequest('/timeline?theme=Slim%20werken', /theme must look like/);
    await expectBadRequest('/timeline?kind=person', /kind/);
    await expectBadRequest('/timeline?year=99', /year must be a four-digit year/);
    await expectBadRequest('/timeline?year=20120', /year/);
    await expectBadRequest('/timeline?year=2012.5', /year/);
    await expectBadRequest('/timeline?from=2013-01-01&to=2012-12-31', /to must not be before from/);
    await expectBadRequest(
      '/timeline?from=2012-11-22T12:00:00Z&to=2012-11-22T11:59:59Z',
      /to must not be before from/,
    );
    await expectBadRequest('/timeline?from=2012-13-01', /from must be a date/);
    await expectBadRequest('/timeline?from=2013-02-30', /from must be a date/);
    await expectBadRequest('/timeline?to=yesterday', /to must be a date/);
    await expectBadRequest('/timeline?from=2012-11-22T12:00:00', /from must be a date/);
    await expectBadRequest('/timeline?lang=de', /lang/);
    // The same day as start and end, and a date-time within the end day, are fine.
    expect((await api.request('GET', '/timeline?from=2012-11-22&to=2012-11-22')).status).toBe(200);
    expect((await api.request('GET', '/timeline?from=2012-11-22T12:00:00Z&to=2012-11-22')).status).toBe(200);
  });

  it('/doetanks, /members, /gatherings: filter values', async () => {
    await expectBadRequest('/doetanks?stage=done', /stage/);
    await expectBadRequest('/doetanks?member=abc', /member must be a lowercase UUID/);
    await expectBadRequest('/doetanks?theme=2013', /theme/);
    await expectBadRequest('/members?status=gone', /status/);
    await expectBadRequest('/members?sector=bank', /sector/);
    await expectBadRequest('/members?organisation=%20%20', /organisation must not be blank/);
    await expectBadRequest(`/members?organisation=${'x'.repeat(201)}`, /organisation/);
    await expectBadRequest('/members?doetank=abc', /doetank/);
    await expectBadRequest('/gatherings?kind=party', /kind/);
    await expectBadRequest('/gatherings?year=99', /year must be a four-digit year/);
    await expectBadRequest('/gatherings?status=postponed', /status/);
  });

  it('detail endpoints and the retrospective: path parameters and query', async () => {
    await expectBadRequest('/doetanks/not-a-uuid', /doetankId must be a lowercase UUID/);
    await expectBadRequest('/gatherings/not-a-uuid', /gatheringId must be a lowercase UUID/);
    await expectBadRequest('/doetanks/0f5c3a1e-8b2d-4e7f-9a6c-1d3b5e7f9a20?foo=1', /foo/);
    await expectBadRequest('/doetanks/0f5c3a1e-8b2d-4e7f-9a6c-1d3b5e7f9a20?limit=5', /limit/);
    await expectBadRequest('/retrospectives/99', /year/);
    await expectBadRequest('/retrospectives/1999', /year/);
    await expectBadRequest('/retrospectives/2101', /year/);
    await expectBadRequest('/retrospectives/twintig', /year/);
    await expectBadRequest('/retrospectives/2012?foo=1', /foo/);
    await expectBadRequest('/retrospectives/2012?minPosition=-5', /minPosition/);
  });
});
