import { readFileSync } from 'node:fs';
import {
  constants,
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
  type EventLoopUtilization,
  type IntervalHistogram,
} from 'node:perf_hooks';
import { SqliteGroupCommit } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { StoreSealer } from '@app/event-store/integrity';
import { summarize, type LatencySummary } from './measure';

/**
 * What held the api thread during a load: its event loop's delays, its collections, its group commits, the seals
 * written on it, its CPU.
 */
export interface LoopStatsResult {
  seconds: number;
  /** Event-loop delay (how late a timer ran: the time the thread was busy when it was due), ms. */
  delay: { p50: number; p99: number; max: number; mean: number };
  /** Event-loop utilisation of the api thread: the share of the time it was not idle. */
  utilisation: number;
  /** Garbage collections of the api thread, by kind: count, total and longest pause (ms). */
  gc: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /** The group commits of the file of record (each a transaction and, with FULL, an fsync), ms each. */
  groupCommits: LatencySummary & { totalMs: number };
  /** The store's seals written on the api thread (embedded mode), each from start to end, ms. */
  seals: LatencySummary & { totalMs: number };
  /** CPU time of the process (every thread: the api and the embedded projector) ÷ wall time. */
  processCpuCores: number;
  /**
   * CPU time of the api thread alone ÷ wall time (Linux: /proc/thread-self/stat); beside `utilisation`, the
   * share of its busy time it was not on a core (waiting for one, or for the disk inside a call).
   */
  apiThreadCpuCores?: number;
}

/** The CPU time of the calling thread in seconds (utime + stime of /proc/thread-self/stat), if readable. */
function threadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // The fields after the command's closing parenthesis; utime and stime are fields 14 and 15 (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/**
 * For diagnosing the command load's tail latency (BENCH_LOOP_STATS): measures, in the api's process, between
 * `reset` and `read`, what can hold a request on the api thread beyond its own work. The group commits are timed by
 * wrapping `SqliteGroupCommit`'s flush (a diagnosis only: the benchmark's figures are taken without it).
 */
export class LoopStats {
  private readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  private gc = new Map<string, number[]>();
  private commits: number[] = [];
  private seals: number[] = [];
  private started = performance.now();
  private cpu = process.cpuUsage();
  private threadCpu = threadCpuSeconds();
  private elu: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as { detail?: { kind?: number } }).detail?.kind ?? -1] ?? 'other';
      this.gc.set(kind, [...(this.gc.get(kind) ?? []), entry.duration]);
    }
  });

  constructor() {
    this.delay.enable();
    this.observer.observe({ entryTypes: ['gc'] });
    const commits = () => this.commits;
    const prototype = SqliteGroupCommit.prototype as unknown as { flush: () => void };
    const flush = prototype.flush;
    prototype.flush = function timedFlush(this: unknown) {
      const t = performance.now();
      try {
        flush.call(this);
      } finally {
        commits().push(performance.now() - t);
      }
    };
    const seals = () => this.seals;
    const seal = StoreSealer.prototype.seal;
    StoreSealer.prototype.seal = async function timedSeal(this: StoreSealer) {
      const t = performance.now();
      try {
        return await seal.call(this);
      } finally {
        seals().push(performance.now() - t);
      }
    };
  }

  reset(): void {
    this.delay.reset();
    this.gc = new Map();
    this.commits = [];
    this.seals = [];
    this.started = performance.now();
    this.cpu = process.cpuUsage();
    this.threadCpu = threadCpuSeconds();
    this.elu = performance.eventLoopUtilization();
  }

  read(): LoopStatsResult {
    const seconds = (performance.now() - this.started) / 1000;
    const cpu = process.cpuUsage(this.cpu);
    const ms = (ns: number) => ns / 1e6;
    const commits = summarize(this.commits);
    const threadCpu = threadCpuSeconds();
    return {
      seconds,
      delay: {
        p50: ms(this.delay.percentile(50)),
        p99: ms(this.delay.percentile(99)),
        max: ms(this.delay.max),
        mean: ms(this.delay.mean),
      },
      utilisation: performance.eventLoopUtilization(this.elu).utilization,
      gc: Object.fromEntries(
        [...this.gc].map(([kind, pauses]) => [
          kind,
          {
            count: pauses.length,
            totalMs: pauses.reduce((a, b) => a + b, 0),
            maxMs: Math.max(...pauses),
          },
        ]),
      ),
      groupCommits: { ...commits, totalMs: this.commits.reduce((a, b) => a + b, 0) },
      seals: { ...summarize(this.seals), totalMs: this.seals.reduce((a, b) => a + b, 0) },
      processCpuCores: (cpu.user + cpu.system) / 1e6 / seconds,
      ...(threadCpu !== undefined &&
        this.threadCpu !== undefined && { apiThreadCpuCores: (threadCpu - this.threadCpu) / seconds }),
    };
  }
}
