import { performance } from 'node:perf_hooks';

/** Latency figures of a series of timings, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/** Runs `fn` `warmup` times unmeasured, then `count` times one after the other, timing each call. */
export async function timeRepeated(
  fn: () => Promise<unknown>,
  { warmup, count }: { warmup: number; count: number },
): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/**
 * Peak resident set size of this process. A timer samples every `intervalMs`; work that keeps the event loop busy
 * without yielding to timers (a rebuild runs on promises alone) calls {@link RssSampler.sample} itself as well.
 */
export class RssSampler {
  private peakBytes = 0;
  private timer?: NodeJS.Timeout;

  start(intervalMs = 100): this {
    this.sample();
    this.timer ??= setInterval(() => this.sample(), intervalMs).unref();
    return this;
  }

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peakBytes) this.peakBytes = rss;
  }

  /** Peak since the start or the last reset. */
  get peak(): number {
    this.sample();
    return this.peakBytes;
  }

  reset(): void {
    this.peakBytes = 0;
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** Calls `fn` at most once per `intervalMs` (progress reports from tight loops). */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs = 250,
): (...args: A) => void {
  let last = 0;
  return (...args: A) => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    last = now;
    fn(...args);
  };
}

export const perSecond = (count: number, seconds: number): number => (seconds > 0 ? count / seconds : 0);

export const seconds = (startedMs: number): number => (performance.now() - startedMs) / 1000;
