import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../src/app.factory';
import type { Principal, Role } from '../src/auth/principal';
import { TokenService } from '../src/auth/tokens';
import { loadAppConfig, type AppConfig } from '../src/config/app.config';
import type { Clock } from '../src/commands/clock';
import type { StoreWrappers } from '@app/stores';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { withFaults, type FaultControl } from '@app/resilience/testing';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  clock?: Clock;
  dir?: string;
  wrapStores?: StoreWrappers;
  /** Only the write side (the import's app): no queries, report, page or metrics. */
  commandsOnly?: boolean;
}

/** What a test can send requests with: the harness itself (as its coordinator) or a view as someone else. */
export interface ApiClient {
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpAnswer<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
}

/**
 * The API for tests: the real app (same factory as main.ts) on a real port, over a temp SQLite file. A harness
 * can be restarted on the same file to test what survives a restart.
 *
 * Requests carry a bearer token of the harness's coordinator (`coordinatorId`) unless they say otherwise:
 * `api.as('member', memberId)` sends as that member, `api.as('observer')` as an observer, `api.anonymous()`
 * without a token. Rate limiting is off unless a test's env turns it on.
 */
export class ApiHarness implements ApiClient {
  private app?: NestFastifyApplication;
  baseUrl = '';
  /** The member id in the harness coordinator's token (a coordinator who is not a member of the network). */
  readonly coordinatorId = randomUUID();
  private coordinatorToken = '';

  private constructor(
    readonly dir: string,
    readonly config: AppConfig,
    private readonly clock?: Clock,
    private readonly wrapStores?: StoreWrappers,
    private readonly commandsOnly?: boolean,
  ) {}

  /**
   * `wrapStores` decorates the api's store adapters (fault injection: `withFaults` from `@app/resilience/testing`);
   * an embedded projector thread opens stores of its own, which are not wrapped. `commandsOnly` builds the app as
   * the import CLI does (the write side alone).
   */
  static async start(options: HarnessOptions = {}): Promise<ApiHarness> {
    const harness = ApiHarness.create(options);
    await harness.boot();
    return harness;
  }

  /**
   * The harness of the tests of the enclosing `describe`: started before the first of them, stopped after the last
   * (`const api = ApiHarness.forTests({ env })`).
   */
  static forTests(options: HarnessOptions = {}): ApiHarness {
    const harness = ApiHarness.create(options);
    beforeAll(() => harness.boot());
    afterAll(() => harness.stop());
    return harness;
  }

  private static create(options: HarnessOptions): ApiHarness {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'slimmernetwerk-api-'));
    const config = loadAppConfig({
      SQLITE_FILE: join(dir, 'test.db'),
      LOG_LEVEL: 'silent',
      EMBEDDED_PROJECTOR: 'false',
      // The demo year is main.ts's business on a first start; a test starts from an empty store.
      DEMO_DATA: 'false',
      // Tests send many requests from one address; the rate limit's own test turns it on.
      RATE_LIMIT_MAX: '0',
      ...options.env,
    });
    return new ApiHarness(dir, config, options.clock, options.wrapStores, options.commandsOnly);
  }

  private async boot(): Promise<void> {
    this.app = await createApiApp({
      config: this.config,
      clock: this.clock,
      wrapStores: this.wrapStores,
      commandsOnly: this.commandsOnly,
    });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    // With only an identity provider configured the harness signs nothing: tests bring their own tokens.
    this.coordinatorToken = this.app.get(TokenService).canSign
      ? await this.tokenFor('coordinator', this.coordinatorId)
      : '';
  }

  /** A signed token, as `npm run token` makes them (default: valid for an hour). */
  tokenFor(role: Role, sub: string = randomUUID(), ttlSeconds = 3600): Promise<string> {
    const principal: Principal = { role, sub };
    return this.app!.get(TokenService).sign(principal, ttlSeconds);
  }

  /** Requests as `role` with subject `sub` (a member id; a fresh one when left out). */
  as(role: Role, sub: string = randomUUID()): ApiClient {
    const token = this.tokenFor(role, sub);
    return this.withHeaders(async () => ({ authorization: `Bearer ${await token}` }));
  }

  /** Requests without a token. */
  anonymous(): ApiClient {
    return this.withHeaders(async () => ({}), true);
  }

  private withHeaders(extra: () => Promise<Record<string, string>>, anonymous = false): ApiClient {
    const request = async <T = any>(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<HttpAnswer<T>> =>
      this.send<T>(method, path, body, { ...(await extra()), ...headers }, anonymous);
    return {
      request,
      post: (path, body = {}, headers) => request('POST', path, body, headers),
      put: (path, body = {}, headers) => request('PUT', path, body, headers),
    };
  }

  /** Stops the app and starts a new one on the same database file. */
  async restart(): Promise<void> {
    await this.app?.close();
    await this.boot();
  }

  /** The running Nest application (e.g. for Fastify's `inject`, as the importer uses it). */
  get application(): NestFastifyApplication {
    if (!this.app) throw new Error('the harness is not running');
    return this.app;
  }

  get<T = unknown>(token: symbol | string | (new (...args: never[]) => T)): T {
    return this.app!.get(token as never);
  }

  /** The api's event store: to read what a request wrote, or to see that it wrote nothing. */
  get eventStore(): EventStore {
    return this.get<EventStore>(EVENT_STORE);
  }

  /** A request as the harness's coordinator (an `authorization` header of the test's own wins). */
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer<T>> {
    return this.send<T>(method, path, body, headers, false);
  }

  private async send<T = any>(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    anonymous: boolean,
  ): Promise<HttpAnswer<T>> {
    const withToken =
      anonymous ||
      !this.coordinatorToken ||
      Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')
        ? headers
        : { authorization: `Bearer ${this.coordinatorToken}`, ...headers };
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? withToken : { 'content-type': 'application/json', ...withToken },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    // An event stream (GET /timeline/live) does not end: its status and headers are the answer.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, body: '' as T };
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  post<T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  put<T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }

  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.app?.close();
    this.app = undefined;
    if (!options.keepFiles) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The body of a JoinNetwork request for `memberId` (a unique e-mail address per member). */
export const memberBody = (memberId: string, overrides: Record<string, unknown> = {}) => ({
  memberId,
  name: 'Sanne de Vries',
  email: `${memberId}@example.nl`,
  organisation: 'Gemeente Utrecht',
  sector: 'gemeente',
  role: 'professional',
  ...overrides,
});

/** A fresh member in the network (registered by a coordinator, unless `api` is someone else); returns its id. */
export async function joinMember(api: ApiClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const memberId = randomUUID();
  const answer = await api.post('/members', memberBody(memberId, overrides));
  if (answer.status !== 201) throw new Error(`join failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return memberId;
}

/** The body of a ScheduleGathering request: a Café in 2030 for 30, with `overrides`. */
export const gatheringBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'cafe',
  title: 'Slimmernetwerk Café: open data',
  startsAt: '2030-03-14T16:00:00.000Z',
  venue: 'Pakhuis de Zwijger',
  city: 'Amsterdam',
  capacity: 30,
  ...overrides,
});

/** A Café in 2030 with room for `capacity`, scheduled by a coordinator; returns its id. */
export async function scheduleGathering(api: ApiClient, capacity: number): Promise<string> {
  const gatheringId = randomUUID();
  const answer = await api.post('/gatherings', gatheringBody({ gatheringId, capacity }));
  if (answer.status !== 201)
    throw new Error(`scheduling failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return gatheringId;
}

/**
 * Waits until `check` holds (polled every 50 ms), failing with `what` after `timeoutMs`: tests that depend on
 * timing wait for a condition, never for a time.
 */
export async function until(
  check: () => Promise<boolean> | boolean,
  what = 'the condition',
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The body of a successful answer; a setup step that fails throws with its status and body. */
export async function ok<T = any>(answer: Promise<HttpAnswer<T>>): Promise<T> {
  const settled = await answer;
  if (settled.status >= 300)
    throw new Error(`setup failed: ${settled.status} ${JSON.stringify(settled.body)}`);
  return settled.body;
}

/**
 * Sends a request that must be refused: a problem (`application/problem+json`) with `status`, a detail (matching
 * `detail` when given), the `code` when given, and not one event written. Returns the answer.
 */
export async function refusedWithoutWriting(
  api: ApiHarness,
  send: () => Promise<HttpAnswer>,
  expected: { status: number; code?: string; detail?: RegExp },
): Promise<HttpAnswer> {
  const before = await api.eventStore.headPosition();
  const answer = await send();
  const { status, code } = expected;
  expect({ status: answer.status, body: answer.body }).toMatchObject({
    status,
    body: { status, ...(code && { code }) },
  });
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body.detail).toEqual(expect.any(String));
  if (expected.detail) expect(answer.body.detail).toMatch(expected.detail);
  expect(await api.eventStore.headPosition()).toBe(before);
  return answer;
}

/** The answer of a setup step that must get exactly `status`; anything else throws with its status and body. */
export async function answered<T = any>(
  answer: Promise<HttpAnswer<T>>,
  status = 200,
): Promise<HttpAnswer<T>> {
  const settled = await answer;
  if (settled.status !== status) throw new Error(`${settled.status} ${JSON.stringify(settled.body)}`);
  return settled;
}

/**
 * A Doetank as a setup step: proposed by `proposedBy` at `proposedAt` ("Droge voeten", 1 February 2012, unless
 * told otherwise), then, when given, coached by `coachId` at `coachedAt` and started at `startedAt`. Returns its id.
 */
export async function setUpDoetank(
  api: ApiClient,
  setup: {
    proposedBy: string;
    proposedAt?: string;
    title?: string;
    problemStatement?: string;
    coachId?: string;
    coachedAt?: string;
    startedAt?: string;
  },
): Promise<string> {
  const doetankId = randomUUID();
  const { proposedBy, coachId, coachedAt, startedAt } = setup;
  const proposal = {
    doetankId,
    title: setup.title ?? 'Droge voeten',
    problemStatement: setup.problemStatement ?? 'Hoe houden we samen de voeten droog?',
    proposedBy,
    occurredAt: setup.proposedAt ?? '2012-02-01T10:00:00Z',
  };
  await answered(api.post('/doetanks', proposal), 201);
  if (coachId) await answered(api.post(`/doetanks/${doetankId}/coach`, { coachId, occurredAt: coachedAt }));
  if (startedAt) await answered(api.post(`/doetanks/${doetankId}/start`, { occurredAt: startedAt }));
  return doetankId;
}

/** "Droge voeten" of 2012, started: coached on 2 February, started on 1 March (revisions 0, 1 and 2). */
export const startedDoetank = (
  api: ApiClient,
  who: { proposedBy: string; coachId: string },
): Promise<string> =>
  setUpDoetank(api, { ...who, coachedAt: '2012-02-02T10:00:00Z', startedAt: '2012-03-01T10:00:00Z' });

/**
 * `wrapStores.eventStore` for a test that plants faults in the api's event store (`withFaults`): hands the
 * controls to `controls` once the app has made its store. Listener registration of the embedded store is no store
 * call, so it passes through.
 */
export const faultyEventStore =
  (controls: (faults: FaultControl) => void) =>
  (store: EventStore): EventStore => {
    const wrapped = withFaults(store, {
      store: 'event store',
      passThrough: ['onAppended', 'notifyAppendedElsewhere'],
    });
    controls(wrapped.faults);
    return wrapped.store;
  };
