import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { QueryBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TIMELINE_COLLECTION } from '@app/contracts';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { createApiApp } from '../../../apps/api/src/app.factory';
import { issueToken } from '../../../apps/api/src/auth/token-issuer';
import { loadAppConfig, type AppConfig } from '../../../apps/api/src/config/app.config';
import { DoetankHistoryQuery } from '../../../apps/api/src/doetanks/queries/doetank-history/doetank-history.query';
import { GetRetrospectiveQuery } from '../../../apps/api/src/retrospectives/queries/get-retrospective/get-retrospective.query';
import { ListTimelineQuery } from '../../../apps/api/src/timeline/queries/list-timeline/list-timeline.query';
import { serveCalls } from '../ipc';
import { RssSampler, timeRepeated, type LatencySummary } from '../measure';
import { parseMetrics } from '../metrics';
import { BENCH_API_SETTINGS, type Synchronous } from '../options';
import { NOOP_PATH, TYPEAHEAD_LIMIT, type QueryCase } from '../endpoints';
import { ListMembersQuery } from '../../../apps/api/src/members/queries/list-members/list-members.query';
import { ListDoetanksQuery } from '../../../apps/api/src/doetanks/queries/list-doetanks/list-doetanks.query';
import { EmmettPeerController, EmmettPeerModule } from '../baselines/emmett-peer';
import { LoopStats, type LoopStatsResult } from '../loop-stats';
import { FrameworkFloorModule } from '../baselines/framework-floor';
import { addBenchModules } from '../baselines/mount';

/**
 * The api under test, in a process of its own: the real app from `createApiApp` (as main.ts builds it) on the
 * benchmark's SQLite file, listening on 127.0.0.1 only, with one extra route for the baseline. It measures its own
 * RSS and times queries in-process (server-side) when asked.
 */
let app: NestFastifyApplication | undefined;
let appConfig: AppConfig | undefined;
let baseUrl: string | undefined;
let metricsToken: string | undefined;
const rss = new RssSampler();
/** BENCH_LOOP_STATS: what held the api thread during each load (see loop-stats.ts). */
const stats = process.env.BENCH_LOOP_STATS ? new LoopStats() : undefined;

export interface StartParams {
  file: string;
  synchronous: Synchronous;
  /** More api settings, for experiments (e.g. `{ EMBEDDED_PROJECTOR: 'false' }`). */
  env?: Record<string, string>;
  /** Also serve the Emmett peer's routes (baselines/emmett-peer.ts), on Emmett's SQLite event store in this file. */
  emmettFile?: string;
}

async function start(params: StartParams): Promise<{ port: number }> {
  rss.start(100);
  appConfig = loadAppConfig({
    SQLITE_FILE: params.file,
    ...BENCH_API_SETTINGS,
    SQLITE_SYNCHRONOUS: params.synchronous,
    ...params.env,
    // For experiments: more api settings as JSON, e.g. BENCH_API_ENV='{"EMBEDDED_PROJECTOR":"false"}'.
    ...(JSON.parse(process.env.BENCH_API_ENV ?? '{}') as Record<string, string>),
  });
  // The framework floor's routes always; the peer's when asked (it opens Emmett's store).
  addBenchModules([
    FrameworkFloorModule,
    ...(params.emmettFile ? [EmmettPeerModule.forFile(params.emmettFile)] : []),
  ]);
  app = await createApiApp({ config: appConfig });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.post(NOOP_PATH, async (_request, reply) => reply.code(201).send({ ok: true }));
  fastify.get(NOOP_PATH, async (_request, reply) => reply.code(200).send({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the api has no TCP address');
  baseUrl = `http://127.0.0.1:${address.port}`;
  metricsToken = (await coordinatorToken()).token;
  return { port: address.port };
}

/**
 * A coordinator token, made as `npm run token -- coordinator` makes one (with the secret the api keeps in its
 * embedded database): commands need a bearer token, and a coordinator may act for any member. With a subject, a
 * coordinator of that id: the rate limiter keeps a bucket per subject, so each load can start with an empty one.
 */
async function coordinatorToken(params: { subject?: string } = {}): Promise<{ token: string }> {
  if (!appConfig) throw new Error('the api is not started');
  const subject = params.subject ? ['--member', params.subject] : [];
  return { token: (await issueToken(['coordinator', '--ttl', '2h', ...subject], appConfig)).token };
}

function running(): NestFastifyApplication {
  if (!app) throw new Error('the api is not started');
  return app;
}

/** The api's figures as Prometheus scrapes them: its `/metrics`, over HTTP, with a token. */
async function scrape(): Promise<Map<string, number>> {
  if (!baseUrl) throw new Error('the api is not started');
  const answer = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  if (!answer.ok) throw new Error(`GET /metrics answered ${answer.status}`);
  return parseMetrics(await answer.text());
}

/**
 * The api process's memory from its `/metrics`, and its peak RSS since the last reset (sampled here; reset when
 * asked). With `collect`, the api thread's heap in use is read after a full collection of it (the api runs with
 * --expose-gc): its live data, which is what a leak grows. RSS and the heap total are read before, as the load left
 * them. The embedded projector thread's heap is as that thread last reported it (nothing outside it makes it
 * collect), so the report counts its floor.
 */
async function memory(params: { reset?: boolean; collect?: boolean }): Promise<{
  peakRssBytes: number;
  rssBytes: number;
  heapUsedBytes: number;
  projectorHeapUsedBytes: number;
  collected: boolean;
  stateCacheEvents: number;
  heapTotalBytes: number;
  externalBytes: number;
}> {
  const asLoaded = await scrape();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (params.collect && !gc) throw new Error('memory({ collect }) needs the api worker run with --expose-gc');
  if (params.collect) gc?.();
  const collected = params.collect ? await scrape() : asLoaded;
  const figure = (metrics: Map<string, number>, name: string) => metrics.get(`slimmernetwerk_${name}`) ?? 0;
  const projectorHeap = figure(asLoaded, 'projector_thread_heap_used_bytes');
  const result = {
    peakRssBytes: rss.peak,
    rssBytes: figure(asLoaded, 'process_resident_memory_bytes'),
    heapUsedBytes: figure(collected, 'nodejs_heap_size_used_bytes') + projectorHeap,
    projectorHeapUsedBytes: projectorHeap,
    collected: Boolean(params.collect),
    stateCacheEvents: figure(asLoaded, 'command_state_cache_events'),
    heapTotalBytes: figure(asLoaded, 'nodejs_heap_size_total_bytes'),
    externalBytes: figure(asLoaded, 'nodejs_external_memory_bytes'),
  };
  if (params.reset) rss.reset();
  return result;
}

/**
 * For diagnosis (BENCH_HEAP_SNAPSHOTS): a V8 heap snapshot of the api thread, written to `dir` as
 * `<label>-api.heapsnapshot` (open it in Chrome DevTools' Memory tab and compare two labels). The embedded
 * projector thread's heap is the api's own business: to look into it, run the api with EMBEDDED_PROJECTOR_THREAD=false
 * (BENCH_API_ENV), which puts the projections on this thread.
 */
function heapSnapshots(params: { dir: string; label: string }): Promise<{ files: string[] }> {
  mkdirSync(params.dir, { recursive: true });
  return Promise.resolve({
    files: [writeHeapSnapshot(join(params.dir, `${params.label}-api.heapsnapshot`))],
  });
}

function toQuery(query: QueryCase) {
  switch (query.kind) {
    case 'timeline':
      return new ListTimelineQuery(query.filters, 20, query.cursor, 'nl');
    case 'typeahead':
      return query.of === 'members'
        ? new ListMembersQuery({ q: query.q }, TYPEAHEAD_LIMIT, undefined)
        : new ListDoetanksQuery({ q: query.q }, TYPEAHEAD_LIMIT, undefined);
    case 'history':
      return new DoetankHistoryQuery(query.doetankId, 0, 100);
    case 'retrospective':
      return new GetRetrospectiveQuery(query.year);
  }
}

/** The cursor of the timeline page `pages` pages in (fewer when the timeline is shorter), walking page by page. */
async function deepCursor(params: {
  pages: number;
}): Promise<{ cursor?: string; page: number; entries: number }> {
  const queryBus = running().get(QueryBus);
  const entries = await running().get<ReadStore>(READ_STORE).count(TIMELINE_COLLECTION);
  const pages = Math.max(1, Math.min(params.pages, Math.floor(entries / 20 / 2)));
  let cursor: string | undefined;
  let page = 1;
  while (page < pages) {
    const next = (await queryBus.execute(new ListTimelineQuery({}, 20, cursor, 'nl'))).nextCursor;
    if (!next) break;
    cursor = next;
    page++;
  }
  return { cursor, page, entries };
}

/** Times each query in-process: the QueryBus call alone, without HTTP, validation or serialisation. */
async function timeQueries(params: {
  cases: QueryCase[];
  warmup: number;
  count: number;
}): Promise<Record<string, LatencySummary>> {
  const queryBus = running().get(QueryBus);
  const results: Record<string, LatencySummary> = {};
  for (const query of params.cases) {
    results[query.name] = await timeRepeated(() => queryBus.execute(toQuery(query)), params);
  }
  return results;
}

async function stop(): Promise<void> {
  rss.stop();
  await app?.close();
  app = undefined;
}

/** SQLITE_BUSY answers of Emmett's store that the peer tried again. */
async function emmettRetries(): Promise<{ retries: number }> {
  return { retries: running().get(EmmettPeerController).busyRetries };
}

/** The api thread's figures since the last call (BENCH_LOOP_STATS only), and a fresh start of them. */
async function loopStats(): Promise<LoopStatsResult | undefined> {
  const result = stats?.read();
  stats?.reset();
  return Promise.resolve(result);
}

serveCalls({
  emmettRetries,
  loopStats,
  start,
  coordinatorToken,
  memory,
  heapSnapshots,
  deepCursor,
  timeQueries,
  stop,
});
