import { setTimeout as delay } from 'node:timers/promises';
import { isTransientStoreError } from './store-errors';

export interface BackoffOptions {
  /** The first delay (default 100 ms); it doubles per try. */
  initialMs?: number;
  /** The longest delay (default 30 s). */
  maxMs?: number;
  /**
   * `full`: a random delay between 0 and the computed one (spreads retries of many clients, e.g. commands that
   * conflict); `equal`: between half and all of it (spreads reconnects of many clients after one server restart,
   * while the fixed half keeps a retry from firing at once in a tight loop); `none`: exactly the computed one.
   * Default `none`.
   */
  jitter?: 'full' | 'equal' | 'none';
  /** The jitter's source of numbers in [0, 1) (tests); default Math.random. */
  random?: () => number;
}

/** The delay before try `attempt + 1` after `attempt` failed tries (attempt counts from 1): capped doubling. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 100;
  const max = options.maxMs ?? 30_000;
  const computed = Math.min(max, initial * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const random = options.random ?? Math.random;
  if (options.jitter === 'full') return random() * computed;
  if (options.jitter === 'equal') return computed / 2 + (computed / 2) * random();
  return computed;
}

export interface RetryOptions extends BackoffOptions {
  /** Tries in all (default: unlimited while the error is transient). */
  maxAttempts?: number;
  /** Which errors to retry (default: transient store errors, see isTransientStoreError). */
  retryable?: (error: unknown) => boolean;
  /** Told before each wait: a log line per retry. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Stops the waiting: the last error is thrown. */
  signal?: AbortSignal;
}

/**
 * Runs `work` until it succeeds, retrying the errors `retryable` accepts with capped exponential backoff. An error
 * it does not accept, the last try's error, or an abort while waiting is thrown.
 */
export async function retrying<T>(
  work: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const retryable = options.retryable ?? isTransientStoreError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!retryable(error)) throw error;
      if (options.maxAttempts !== undefined && attempt >= options.maxAttempts) throw error;
      if (options.signal?.aborted) throw error;
      const wait = backoffDelay(attempt, options);
      options.onRetry?.(error, attempt, wait);
      try {
        await delay(wait, undefined, { signal: options.signal });
      } catch {
        throw error;
      }
    }
  }
}
