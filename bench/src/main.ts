import { SingleBar } from 'cli-progress';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createPools,
  mixedCommands,
  PEER_KINDS,
  POOL_SIZES,
  runLoad,
  type CommandPools,
  type CommandRequest,
} from './commands';
import { HttpClient } from './http-client';
import { inFreshWorker, Worker, type Progress } from './ipc';
import { machineInfo } from './machine';
import { timeRepeated, type LatencySummary } from './measure';
import { parseOptions, UsageError, USAGE, type BenchOptions } from './options';
import { FLOOR_PREFIX, NOOP_PATH, queryPath, type QueryCase } from './endpoints';
import { measurePeerOverHttp } from './baselines/peer-over-http';
import { markdownReport, summaryRows, textTable } from './report';
import type { BenchResults, CommandResults, QueryResults, SoakResult } from './results';
import { cachedStore, readMeta, REPO_ROOT, type StoreMeta } from './synthetic';
import type { AppendsResult } from './workers/appends.worker';
import type { PeerResult } from './workers/peer.worker';
import type { BaselineResult, RebuildResult } from './workers/rebuild.worker';

/** Progress bars on stderr (stdout keeps the table); one at a time, labelled by what runs. */
class ProgressBars {
  private bar?: SingleBar;
  private label = '';

  update(progress: Progress): void {
    if (progress.label !== this.label) {
      this.stop();
      this.label = progress.label;
      this.bar = new SingleBar({
        format: `${progress.label.padEnd(34)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
        hideCursor: true,
        stream: process.stderr,
        // No bars when not on a terminal (CI, a log file): the steps are still announced.
        noTTYOutput: false,
      });
      this.bar.start(Math.max(progress.total, 1), 0);
    }
    this.bar?.setTotal(Math.max(progress.total, progress.done, 1));
    this.bar?.update(Math.round(progress.done));
  }

  stop(): void {
    if (this.bar) {
      this.bar.stop();
      this.bar = undefined;
      this.label = '';
    }
  }
}

const bars = new ProgressBars();
const onProgress = (progress: Progress) => bars.update(progress);
const say = (message: string) => {
  bars.stop();
  process.stderr.write(`${message}\n`);
};

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.error(USAGE);
    return 0;
  }

  const started = performance.now();
  const machine = machineInfo();
  say(
    `Benchmark at ${options.size} (${options.parts.join(', ')}) on ${machine.cpu}, ${machine.cores} cores, ` +
      `Node ${machine.node}; load average ${machine.loadAtStart.toFixed(2)}`,
  );
  const { meta, cached, file: storeFile } = await syntheticStore(options);
  const results: BenchResults = {
    size: options.size,
    seed: options.seed,
    synchronous: options.synchronous,
    parts: options.parts,
    machine,
    store: { ...meta, cached },
  };
  const has = (part: BenchOptions['parts'][number]) => options.parts.includes(part);
  const work = mkdtempSync(join(tmpdir(), 'slimmernetwerk-bench-'));
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  process.once('SIGINT', () => {
    removeWork();
    process.exit(130);
  });
  try {
    if (has('appends')) results.appends = await measureAppends(options);
    if (has('peer')) results.peer = await measurePeer(options);
    if (has('rebuild') || has('queries') || has('commands') || has('soak')) {
      // One copy of the store: rebuilt (measured or not), then queried and loaded with commands.
      const file = join(work, 'bench.db');
      copyFileSync(storeFile, file);
      results.rebuild = await measureRebuild(options, file, join(work, 'baseline.db'));
      if (has('queries') || has('commands') || has('soak')) await againstTheApi(options, meta, file, results);
    }
  } finally {
    bars.stop();
    removeWork();
  }

  results.machine.loadAtEnd = loadavg()[0];
  results.totalSeconds = (performance.now() - started) / 1000;
  console.log(`\n${textTable(summaryRows(results))}\n`);
  const output =
    options.output === undefined ? join(REPO_ROOT, 'docs', 'benchmarks.md') : resolve(options.output);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, await formatted(markdownReport(results), output));
  say(`Report written to ${output} (${results.totalSeconds.toFixed(0)} s in all)`);
  return 0;
}

function measureAppends(options: BenchOptions): Promise<AppendsResult> {
  say(
    `Appends: the first ${options.plan.appendEvents.toLocaleString('en-US')} events, store and raw baseline`,
  );
  return inFreshWorker<AppendsResult>(
    'appends',
    'run',
    {
      events: options.events,
      seed: options.seed,
      maxEvents: options.plan.appendEvents,
      synchronous: options.synchronous,
    },
    onProgress,
  );
}

function measurePeer(options: BenchOptions): Promise<PeerResult> {
  say(`Peer: ${options.plan.peerEvents.toLocaleString('en-US')} events through our store and Emmett's`);
  return inFreshWorker<PeerResult>(
    'peer',
    'run',
    { events: options.events, seed: options.seed, maxEvents: options.plan.peerEvents },
    onProgress,
  );
}

/**
 * Rebuilds every projection on `file` in a fresh process; then, when the rebuild is one of the parts, its baseline
 * in another fresh process. Without the rebuild part this only prepares the read models for the api, and returns
 * no figures.
 */
async function measureRebuild(
  options: BenchOptions,
  file: string,
  scratchFile: string,
): Promise<BenchResults['rebuild']> {
  const measured = options.parts.includes('rebuild');
  const { projectorBatchSize: batchSize } = options.plan;
  const { synchronous } = options;
  say(measured ? 'Rebuild: every projection from 0' : 'Building the projections (not measured)');
  const run = await inFreshWorker<RebuildResult>(
    'rebuild',
    'rebuild',
    { file, batchSize, synchronous },
    onProgress,
    REBUILD_NODE_OPTIONS,
  );
  if (!measured) return undefined;
  say('Rebuild baseline: raw reads and raw writes of the final documents');
  const baseline = await inFreshWorker<BaselineResult>(
    'rebuild',
    'baseline',
    { file, batchSize, synchronous, scratchFile },
    onProgress,
  );
  return { run, baseline };
}

/** The report in the repository's Prettier style (aligned tables), so that `npm run format` leaves it alone. */
async function formatted(markdown: string, file: string): Promise<string> {
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(file);
  return prettier.format(markdown, { ...config, filepath: file });
}

/** The cached synthetic store for the size and seed, generated first when there is none. */
async function syntheticStore(
  options: BenchOptions,
): Promise<{ meta: StoreMeta; cached: boolean; file: string }> {
  const store = cachedStore(options.size, options.seed);
  const existing = readMeta(store);
  if (existing) {
    say(`Using the cached store ${store.file}`);
    return { meta: existing, cached: true, file: store.file };
  }
  say(`Generating the ${options.size} store (once; cached in ${store.file})`);
  const meta = await inFreshWorker<StoreMeta>(
    'generate',
    'generate',
    { size: options.size, events: options.events, seed: options.seed, store },
    onProgress,
  );
  return { meta, cached: false, file: store.file };
}

/**
 * The Node.js options of `npm run projections:rebuild` (package.json), so the rebuild runs here as it runs there: a
 * heap limit under which V8 collects the old generation sooner (documents kept across batches reach it), which
 * keeps the 1M rebuild's RSS under 300 MB at the same speed.
 */
const REBUILD_NODE_OPTIONS = ['--max-old-space-size=192'];

/** Queries and the command load, against one api process on the store with its projections built. */
async function againstTheApi(options: BenchOptions, meta: StoreMeta, file: string, results: BenchResults) {
  // --expose-gc: the soak reads the api thread's live heap after a full collection (nothing else calls gc).
  const api = Worker.start('api', {}, ['--expose-gc']);
  try {
    const { port } = await api.call<{ port: number }>('start', { file, synchronous: options.synchronous });
    const baseUrl = `http://127.0.0.1:${port}`;
    const { token } = await api.call<{ token: string }>('coordinatorToken');
    const headers = { authorization: `Bearer ${token}` };
    if (options.parts.includes('queries')) {
      say('Queries: server-side and over HTTP');
      results.queries = await measureQueries(options, meta, api, new HttpClient(baseUrl, headers));
    }
    if (options.parts.includes('commands') || options.parts.includes('soak')) {
      const pools = await commandPools(baseUrl, headers);
      if (options.parts.includes('commands')) {
        results.commands = await measureCommands(options, api, baseUrl, headers, pools);
      }
      if (options.parts.includes('soak')) {
        results.soak = await measureSoak(options, api, baseUrl, headers, pools);
      }
    }
    await api.call('stop');
  } finally {
    await api.stop();
  }
  // The peer after our api has ended, in an api process of its own, so the two never share the cores.
  if (results.commands && options.parts.includes('commands')) {
    say("Peer over HTTP: the same two commands through Emmett's command handling and SQLite event store");
    results.commands.peer = await measurePeerOverHttp(options, dirname(file), onProgress);
    bars.stop();
  }
}

async function measureQueries(
  options: BenchOptions,
  meta: StoreMeta,
  api: Worker,
  client: HttpClient,
): Promise<QueryResults> {
  const deep = await api.call<{ cursor?: string; page: number; entries: number }>('deepCursor', {
    pages: options.plan.deepPages,
  });
  // The last year of the network with a full year's activity (the generated one ends part-way through a year).
  const busiestYear = Math.max(...Object.values(meta.years));
  const lastYear = Math.max(
    ...Object.entries(meta.years)
      .filter(([, events]) => events >= busiestYear / 2)
      .map(([year]) => Number(year)),
  );
  const cases: QueryCase[] = [
    { name: 'timeline, first page', kind: 'timeline', filters: {} },
    { name: `timeline, page ${deep.page}`, kind: 'timeline', filters: {}, cursor: deep.cursor },
    { name: 'timeline, by Doetank', kind: 'timeline', filters: { doetank: meta.busiestDoetank.id } },
    { name: 'timeline, by member', kind: 'timeline', filters: { member: meta.busiestMember.id } },
    // Two letters: the widest prefix a picker asks for (it asks from the first letter or digit on).
    { name: 'member typeahead', kind: 'typeahead', of: 'members', q: 'de' },
    { name: 'Doetank typeahead', kind: 'typeahead', of: 'doetanks', q: 'de' },
    // A word of the results' summaries, and one most summaries hold (member joins: "het netwerk").
    { name: 'timeline, full-text search', kind: 'timeline', filters: { q: 'deelde' } },
    { name: 'timeline, full-text search, broad', kind: 'timeline', filters: { q: 'netwerk' } },
    { name: "a Doetank's history", kind: 'history', doetankId: meta.busiestDoetank.id },
    { name: `retrospective ${lastYear}`, kind: 'retrospective', year: lastYear },
  ];
  const plan = { warmup: options.plan.queryWarmup, count: options.plan.queryRequests };
  const server = await api.call<Record<string, LatencySummary>>('timeQueries', { cases, ...plan });
  const measured: QueryResults['cases'] = [];
  for (const query of cases) {
    const path = queryPath(query);
    const first = await client.send('GET', path);
    if (first.status !== 200)
      throw new Error(`GET ${path} answered ${first.status}: ${first.body.slice(0, 300)}`);
    const http = await timeRepeated(() => client.send('GET', path), plan);
    measured.push({ name: query.name, path, server: server[query.name], http });
  }
  const bareHttp = await timeRepeated(() => client.send('GET', NOOP_PATH), plan);
  client.close();
  return { timelineEntries: deep.entries, deepPage: deep.page, bareHttp, cases: measured };
}

async function commandPools(baseUrl: string, headers: Record<string, string>): Promise<CommandPools> {
  const client = new HttpClient(baseUrl, headers);
  say('Commands: creating members, Doetanks and gatherings through the API');
  const pools = await createPools(client, (done, total) =>
    onProgress({ label: 'command pools', done, total }),
  );
  client.close();
  bars.stop();
  return pools;
}

/**
 * The command load held for minutes (32 connections, the same mix), sampling the api's memory every 10 s: memory
 * that keeps growing under a steady load is a leak, or a cache without a bound.
 */
async function measureSoak(
  options: BenchOptions,
  api: Worker,
  baseUrl: string,
  headers: Record<string, string>,
  pools: CommandPools,
): Promise<SoakResult> {
  const connections = options.plan.commandConnections;
  const seconds = Math.round(options.soakMinutes * 60);
  say(
    `Soak: the command load for ${options.soakMinutes} min, the api's memory sampled every 10 s (live heap after a full collection)`,
  );
  const samples: SoakResult['samples'] = [];
  const started = Date.now();
  const sample = async () => {
    const memory = await api.call<Omit<SoakResult['samples'][number], 'seconds'>>('memory', {
      collect: true,
    });
    samples.push({
      seconds: (Date.now() - started) / 1000,
      rssBytes: memory.rssBytes,
      heapUsedBytes: memory.heapUsedBytes,
      projectorHeapUsedBytes: memory.projectorHeapUsedBytes,
      collected: memory.collected,
      stateCacheEvents: memory.stateCacheEvents,
      heapTotalBytes: memory.heapTotalBytes,
      externalBytes: memory.externalBytes,
    });
  };
  await sample();
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample, sample);
  }, 10_000);
  // For diagnosis: heap snapshots of the api thread after the first minute and at the end, to compare.
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOTS;
  const snapshot = (label: string) =>
    snapshotDir
      ? api.call<{ files: string[] }>('heapSnapshots', { dir: snapshotDir, label }).then(({ files }) => {
          say(`Heap snapshots: ${files.join(', ')}`);
        })
      : Promise.resolve();
  const firstSnapshot = setTimeout(() => {
    sampling = sampling.then(() => snapshot('minute-1'));
  }, 60_000);
  try {
    const load = await runLoad(baseUrl, {
      connections,
      seconds,
      next: mixedCommands(pools, headers),
      onTick: (s) => onProgress({ label: 'soak (s)', done: Math.min(s, seconds), total: seconds }),
    });
    clearInterval(timer);
    clearTimeout(firstSnapshot);
    await sampling;
    await sample();
    await snapshot('end');
    return { minutes: options.soakMinutes, connections, load, samples };
  } finally {
    clearInterval(timer);
    clearTimeout(firstSnapshot);
    bars.stop();
  }
}

async function measureCommands(
  options: BenchOptions,
  api: Worker,
  baseUrl: string,
  headers: Record<string, string>,
  pools: CommandPools,
): Promise<CommandResults> {
  const { commandConnections: connections, commandSeconds: seconds, warmupSeconds } = options.plan;

  // Each measured load (with its warm-up) as a coordinator of its own: the rate limiter keeps every hit of a
  // bucket's window, so each load starts with an empty bucket rather than the last one's hits (which the
  // throttler's own storage, used before, also walked on each request).
  const freshHeaders = async () => {
    const { token } = await api.call<{ token: string }>('coordinatorToken', { subject: randomUUID() });
    return { ...headers, authorization: `Bearer ${token}` };
  };
  const commands = mixedCommands(pools, await freshHeaders());
  const noop = (): CommandRequest => ({ ...commands(), path: NOOP_PATH });
  const load = async (label: string, next: () => CommandRequest, duration: number) => {
    await api.call('loopStats');
    const result = await runLoad(baseUrl, {
      connections,
      seconds: duration,
      next,
      onTick: (s) => onProgress({ label, done: Math.min(s, duration), total: duration }),
    });
    // BENCH_LOOP_STATS=<file>: one line per load, the load's figures beside what held the api thread.
    const statsFile = process.env.BENCH_LOOP_STATS;
    if (statsFile)
      appendFileSync(
        statsFile,
        `${JSON.stringify({ label, load: result, api: await api.call('loopStats') })}\n`,
      );
    return result;
  };

  const { rssBytes: idleRssBytes } = await api.call<{ rssBytes: number }>('memory', { reset: true });
  say(
    `Commands: ${connections} connections, ${seconds} s per load, after ${warmupSeconds} s of warm-up each`,
  );
  await load('bare endpoint warm-up (s)', noop, warmupSeconds);
  const bare = await load('bare endpoint (s)', noop, seconds);
  const floorCommands = mixedCommands(pools, await freshHeaders(), {
    prefix: FLOOR_PREFIX,
    idempotencyKey: false,
  });
  await load('framework floor warm-up (s)', floorCommands, warmupSeconds);
  const floor = await load('framework floor (s)', floorCommands, seconds);
  await load('commands warm-up (s)', commands, warmupSeconds);
  await api.call('memory', { reset: true });
  const measured = await load('commands (s)', commands, seconds);
  const { peakRssBytes } = await api.call<{ peakRssBytes: number }>('memory', { reset: true });
  // The peer's two commands through ours, for the comparison with the peer (no warm-up: the api is warm).
  const peerKinds = await load(
    'join network, propose Doetank (s)',
    mixedCommands(pools, await freshHeaders(), { kinds: PEER_KINDS }),
    seconds,
  );
  bars.stop();
  return {
    connections,
    seconds,
    pools: { ...POOL_SIZES },
    noop: bare,
    floor,
    commands: measured,
    peerKinds,
    idleRssBytes,
    peakRssBytes,
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    bars.stop();
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
