import {
  constants,
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
  type EventLoopUtilization,
  type IntervalHistogram,
} from 'node:perf_hooks';
import { SqliteGroupCommit } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { summarize, type LatencySummary } from './measure';

/** What held the api thread during a load: its event loop's delays, its collections, its group commits, its CPU. */
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
  /** CPU time of the process (every thread: the api and the embedded projector) ÷ wall time. */
  processCpuCores: number;
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
  private started = performance.now();
  private cpu = process.cpuUsage();
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
  }

  reset(): void {
    this.delay.reset();
    this.gc = new Map();
    this.commits = [];
    this.started = performance.now();
    this.cpu = process.cpuUsage();
    this.elu = performance.eventLoopUtilization();
  }

  read(): LoopStatsResult {
    const seconds = (performance.now() - this.started) / 1000;
    const cpu = process.cpuUsage(this.cpu);
    const ms = (ns: number) => ns / 1e6;
    const commits = summarize(this.commits);
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
      processCpuCores: (cpu.user + cpu.system) / 1e6 / seconds,
    };
  }
}
