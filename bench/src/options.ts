/** The sizes the suite knows: the number of events in the generated store. */
export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type SizeName = keyof typeof SIZES;

/** The parts of the suite, in the order they run. `--only` picks some of them. */
export const PARTS = ['appends', 'peer', 'rebuild', 'queries', 'commands', 'soak'] as const;
export type Part = (typeof PARTS)[number];
/** What runs without `--only`: everything but the long soak (which `--soak <minutes>` or `--only soak` adds). */
export const DEFAULT_PARTS: readonly Part[] = PARTS.filter((p) => p !== 'soak');

export type Synchronous = 'FULL' | 'NORMAL';

/**
 * The api's settings under the benchmark, besides its file: quiet, no demo data, on a free port of 127.0.0.1 only.
 * All the load comes from one client; a per-client limit would refuse most of it. The limiter stays on (its cost is
 * part of every request) with a budget the load never reaches, over a window of one second. The api's storage
 * (SlidingWindowStorage) costs the same per request whatever the window holds; the throttler's own, which it
 * replaced, filtered every hit of the window on each request (docs/performance.md), and the window of one second
 * kept figures comparable with the runs made with it.
 */
export const BENCH_API_SETTINGS: Readonly<Record<string, string>> = {
  LOG_LEVEL: 'silent',
  DEMO_DATA: 'false',
  HOST: '127.0.0.1',
  PORT: '0',
  RATE_LIMIT_MAX: '1000000',
  RATE_LIMIT_WINDOW_SECONDS: '1',
};

export interface BenchOptions {
  size: SizeName;
  /** Events in the generated store. */
  events: number;
  seed: number;
  /** SQLite's synchronous setting for our stores (the app's SQLITE_SYNCHRONOUS); FULL is the app's default. */
  synchronous: Synchronous;
  parts: readonly Part[];
  /** Length of the soak (the command load held to watch memory), in minutes. */
  soakMinutes: number;
  /** Where the report goes; docs/benchmarks.md when not given. */
  output?: string;
  plan: BenchPlan;
}

/** How much work each part does at a size: chosen so that `--size 1m` finishes within 15 minutes on 2 cores. */
export interface BenchPlan {
  /** Events of the generated appends that the append part writes (the first ones). */
  appendEvents: number;
  /**
   * Events that the peer comparison appends and reads back through each store. Small: Emmett's event store opens a
   * connection per call and appends a few hundred events per second at best.
   */
  peerEvents: number;
  /** Events the projector reads per batch (the projector's default, PROJECTOR_BATCH_SIZE). */
  projectorBatchSize: number;
  commandConnections: number;
  commandSeconds: number;
  warmupSeconds: number;
  /** Requests per query, after `queryWarmup` unmeasured ones. */
  queryRequests: number;
  queryWarmup: number;
  /** How far in the deep timeline page is (at most; half the timeline when that is less). */
  deepPages: number;
}

const PLAN_100K: BenchPlan = {
  appendEvents: 100_000,
  peerEvents: 5_000,
  projectorBatchSize: 1000,
  commandConnections: 32,
  commandSeconds: 20,
  warmupSeconds: 3,
  queryRequests: 200,
  queryWarmup: 20,
  deepPages: 250,
};

const PLANS: Record<SizeName, BenchPlan> = {
  '10k': {
    appendEvents: 10_000,
    peerEvents: 2_000,
    projectorBatchSize: 1000,
    commandConnections: 32,
    commandSeconds: 5,
    warmupSeconds: 2,
    queryRequests: 200,
    queryWarmup: 20,
    deepPages: 100,
  },
  '100k': PLAN_100K,
  // The first 100,000 of the million: appending all of them (twice, with the baseline) would take most of the
  // 15 minutes the run may take, and the rate hardly changes past the first 100,000.
  '1m': { ...PLAN_100K, deepPages: 500 },
};

export const USAGE = `Usage: npm run bench -- [--size 10k|100k|1m] [--only <part>[,<part>...]] [options]

  --size         events in the generated store (default 100k); generated once per size and cached in data/bench/
  --only         run some parts only: ${PARTS.join(', ')} (default: all but soak)
  --soak         minutes of command load held to watch the api's memory (adds the soak part; default 10 with --only soak)
  --synchronous  FULL (default, as the app) or NORMAL: SQLite's durability for our stores (SQLITE_SYNCHRONOUS)
  --seed         seed of the synthetic network (default 2012)
  --output       where the report goes (default docs/benchmarks.md)`;

export class UsageError extends Error {}

/** Reads the command line; throws {@link UsageError} with a message for the user when it is wrong. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  let size: SizeName = '100k';
  let seed = 2012;
  let synchronous: Synchronous = 'FULL';
  let output: string | undefined;
  let soakMinutes: number | undefined;
  const parts = new Set<Part>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--size': {
        const v = value().toLowerCase();
        if (!(v in SIZES)) throw new UsageError(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
        size = v as SizeName;
        break;
      }
      case '--only':
        for (const part of value().split(',')) {
          if (!(PARTS as readonly string[]).includes(part)) {
            throw new UsageError(`--only: unknown part "${part}"; the parts are ${PARTS.join(', ')}`);
          }
          parts.add(part as Part);
        }
        break;
      case '--seed': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError('--seed must be a non-negative integer');
        seed = Number(v);
        break;
      }
      case '--synchronous': {
        const v = value().toUpperCase();
        if (v !== 'FULL' && v !== 'NORMAL') throw new UsageError('--synchronous must be FULL or NORMAL');
        synchronous = v;
        break;
      }
      case '--output':
        output = value();
        break;
      case '--soak': {
        const v = value();
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 120) {
          throw new UsageError('--soak takes a number of minutes, more than 0 and at most 120');
        }
        soakMinutes = Number(v);
        break;
      }
      default:
        throw new UsageError(`Unknown argument "${argv[i]}"`);
    }
  }
  return {
    size,
    events: SIZES[size],
    seed,
    synchronous,
    parts: PARTS.filter(
      (p) => (parts.size === 0 ? DEFAULT_PARTS.includes(p) : parts.has(p)) || (p === 'soak' && soakMinutes),
    ),
    soakMinutes: soakMinutes ?? 10,
    output,
    plan: PLANS[size],
  };
}
