import { randomUUID } from 'node:crypto';
import { ACCESS_MATRIX, type AccessRow } from '../src/auth/access-matrix';
import { apiRoutes } from '../src/routes/api-routes';
import { routeKey } from '../src/routes/route-catalogue';
import { commandExamples, type AccessFixtures } from '../src/testing/command-examples';
import { ApiHarness, setUpDoetank, type ApiClient, type HttpAnswer } from './api-harness';

/**
 * The authorisation matrix (docs/security.md, `ACCESS_MATRIX`), endpoint by endpoint and caller by caller: no
 * token, an observer, the member the request is about (or the Doetank's lead), another member, a coordinator.
 * Each call gets fresh fixtures, so an allowed call really succeeds and a refused one is refused for who sent it,
 * not for the state it found.
 */

type Caller = 'anonymous' | 'observer' | 'member (self or lead)' | 'member (someone else)' | 'coordinator';
const CALLERS: Caller[] = [
  'anonymous',
  'observer',
  'member (self or lead)',
  'member (someone else)',
  'coordinator',
];

/** The status each route answers with on success, as its controller declares it (201 where a command creates). */
const SUCCESS = new Map(apiRoutes().map((route) => [routeKey(route), route.status]));
const successOf = (row: AccessRow) => SUCCESS.get(routeKey(row)) ?? 200;

/** What the matrix says a caller gets. */
export function expectedStatus(row: AccessRow, caller: Caller, publicRead: boolean): number {
  const ok = successOf(row);
  switch (caller) {
    case 'anonymous':
      return row.anonymous === 'open' || (row.anonymous === 'public' && publicRead) ? ok : 401;
    case 'observer':
      return row.observer === 'yes' || row.anonymous === 'open' ? ok : 403;
    case 'member (self or lead)':
      return row.member === 'no' && row.anonymous !== 'open' ? 403 : ok;
    case 'member (someone else)':
      return row.member === 'yes' || row.anonymous === 'open' ? ok : 403;
    case 'coordinator':
      return row.coordinator === 'yes' ? ok : 403;
  }
}

interface Fixture {
  path: string;
  body?: Record<string, unknown>;
}

/** Sets up what a row's request needs, with `self` as the member it is about (or the Doetank's lead). */
type Prepare = (f: Fixtures, self: string) => Promise<Fixture>;

class Fixtures implements AccessFixtures {
  constructor(readonly api: ApiHarness) {}

  post(path: string, body: Record<string, unknown>) {
    return this.api.post(path, body);
  }

  private async ok(answer: Promise<HttpAnswer>): Promise<HttpAnswer> {
    const settled = await answer;
    if (settled.status >= 300)
      throw new Error(`fixture failed: ${settled.status} ${JSON.stringify(settled.body)}`);
    return settled;
  }

  async member(memberId: string = randomUUID()): Promise<string> {
    await this.ok(
      this.api.post('/members', {
        memberId,
        name: 'Lid',
        email: `${memberId}@example.nl`,
        organisation: 'Gemeente Utrecht',
        sector: 'gemeente',
        role: 'professional',
        occurredAt: '2012-01-01T10:00:00Z',
      }),
    );
    return memberId;
  }

  async doetank(proposer: string, options: { coach?: boolean; started?: boolean } = {}): Promise<string> {
    const coached = options.coach || options.started;
    return setUpDoetank(this.api, {
      title: 'Samen slimmer',
      problemStatement: 'Hoe werken we slimmer samen?',
      proposedBy: proposer,
      ...(coached && { coachId: await this.member(), coachedAt: '2012-02-02T10:00:00Z' }),
      ...(options.started && { startedAt: '2012-02-03T10:00:00Z' }),
    });
  }

  async gathering(startsAt = '2030-03-14T16:00:00Z'): Promise<string> {
    const gatheringId = randomUUID();
    await this.ok(
      this.api.post('/gatherings', {
        gatheringId,
        kind: 'cafe',
        title: 'Café',
        startsAt,
        venue: 'Pakhuis de Zwijger',
        capacity: 50,
        occurredAt: '2012-01-05T10:00:00Z',
      }),
    );
    return gatheringId;
  }

  async position(): Promise<number> {
    const answer = await this.ok(this.api.request('GET', '/projections'));
    return Math.max(0, ...answer.body.projections.map((p: { headPosition?: number }) => p.headPosition ?? 0));
  }
}

/**
 * Every row's request. A command's comes with its example (`access` in `<command>.example.ts`, in the command's
 * folder); the reads' are here.
 */
const PREPARE: Record<string, Prepare> = {
  ...Object.fromEntries(
    [...commandExamples().values()].map((example) => [routeKey(example), example.access]),
  ),
  'GET /members': async () => ({ path: '/members' }),
  'GET /members/:memberId/personal-data': async (f, self) => ({
    path: `/members/${await f.member(self)}/personal-data`,
  }),

  'GET /doetanks': async () => ({ path: '/doetanks' }),
  'GET /doetanks/:doetankId': async (f) => {
    const doetankId = await f.doetank(await f.member());
    return { path: `/doetanks/${doetankId}?minPosition=${await f.position()}` };
  },
  'GET /doetanks/:doetankId/history': async (f) => ({
    path: `/doetanks/${await f.doetank(await f.member())}/history`,
  }),
  'GET /doetanks/:doetankId/state': async (f) => ({
    path: `/doetanks/${await f.doetank(await f.member())}/state`,
  }),

  'GET /gatherings': async () => ({ path: '/gatherings' }),
  'GET /gatherings/:gatheringId': async (f) => {
    const gatheringId = await f.gathering();
    return { path: `/gatherings/${gatheringId}?minPosition=${await f.position()}` };
  },

  'GET /timeline': async () => ({ path: '/timeline' }),
  'GET /timeline/export': async () => ({ path: '/timeline/export?format=ndjson&kind=network' }),
  'GET /timeline/live': async () => ({ path: '/timeline/live' }),
  'GET /retrospectives/:year': async () => ({ path: '/retrospectives/2012' }),
  'GET /retrospectives/:year/report': async () => ({ path: '/retrospectives/2012/report' }),
  // Prints a real PDF with the Chromium the browser tests use (./chromium).
  'GET /retrospectives/:year/report.pdf': async () => ({ path: '/retrospectives/2012/report.pdf' }),
  'GET /': async () => ({ path: '/' }),
  'GET /assets/*': async () => ({ path: '/assets/app.js' }),
  'GET /auth/oidc': async () => ({ path: '/auth/oidc' }),
  'GET /health': async () => ({ path: '/health' }),
  'GET /health/live': async () => ({ path: '/health/live' }),
  'GET /metrics': async () => ({ path: '/metrics' }),
  'GET /projections': async () => ({ path: '/projections' }),
  'GET /docs': async () => ({ path: '/docs' }),
  'GET /docs/openapi.json': async () => ({ path: '/docs/openapi.json' }),
  'GET /docs-json': async () => ({ path: '/docs-json' }),
};

const key = routeKey;

async function callAs(api: ApiHarness, f: Fixtures, row: AccessRow, caller: Caller) {
  const self = randomUUID();
  const fixture = await PREPARE[key(row)](f, self);
  const client: ApiClient =
    caller === 'anonymous'
      ? api.anonymous()
      : caller === 'observer'
        ? api.as('observer')
        : caller === 'member (self or lead)'
          ? api.as('member', self)
          : caller === 'member (someone else)'
            ? api.as('member', await f.member())
            : api;
  const answer = await client.request(row.method, fixture.path, fixture.body);
  return { answer, fixture };
}

describe('The authorisation matrix', () => {
  it('has a request for every row', () => {
    expect(ACCESS_MATRIX.map(key).filter((k) => !PREPARE[k])).toEqual([]);
  });

  describe.each([
    ['on (embedded default)', true],
    ['off', false],
  ])('with PUBLIC_READ %s', (_label, publicRead) => {
    let api: ApiHarness;
    let fixtures: Fixtures;
    beforeAll(async () => {
      api = await ApiHarness.start({
        env: { EMBEDDED_PROJECTOR: 'true', PUBLIC_READ: String(publicRead), READ_WAIT_MAX_MS: '10000' },
      });
      fixtures = new Fixtures(api);
    });
    afterAll(() => api.stop());

    // With PUBLIC_READ off only the anonymous column changes; the rest is covered once, with it on.
    const callers: Caller[] = publicRead ? CALLERS : ['anonymous'];
    describe.each(ACCESS_MATRIX.map((row) => [key(row), row] as const))('%s', (_name, row) => {
      it.each(callers)('as %s', async (caller) => {
        const expected = expectedStatus(row, caller, publicRead);
        const { answer } = await callAs(api, fixtures, row, caller);
        expect({
          caller,
          status: answer.status,
          body: answer.status === expected ? undefined : answer.body,
        }).toEqual({ caller, status: expected, body: undefined });
        if (expected === 401) {
          expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
          expect(answer.headers.get('content-type')).toContain('application/problem+json');
        }
        if (expected === 403) expect(answer.body.code).toMatch(/^AUTH\./);
      });
    });
  });
});
