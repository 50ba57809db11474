import { isLeaseLostError, ReadStoreValidationError, UnknownCollectionError } from '@app/read-store';
import { isPermanentStoreError, isTransientStoreError, retrying } from '@app/resilience';

/**
 * What a failed call tells the projection runner:
 * - transient: the store is away or busy (the adapter said so); the same call may work later;
 * - permanent: it fails the same way every time (the adapter said so, or the read store's own contract: an
 *   unknown collection, a document it refuses as invalid);
 * - unclassified: neither. An adapter let through an error it did not translate, or the projection's own code failed
 *   on an event.
 */
export type FailureKind = 'transient' | 'permanent' | 'unclassified';

export function failureKind(error: unknown): FailureKind {
  if (isTransientStoreError(error)) return 'transient';
  if (
    isPermanentStoreError(error) ||
    error instanceof UnknownCollectionError ||
    error instanceof ReadStoreValidationError
  ) {
    return 'permanent';
  }
  return 'unclassified';
}

export interface StoreCallPolicy {
  /** Tries of a call failing with unclassified errors, in all. */
  maxAttempts: number;
  /** First wait between tries; it doubles per try, up to `maxMs`. */
  initialMs: number;
  maxMs: number;
  /** Aborted: the wait in hand ends at once and the last error is thrown (the runner is stopping). */
  signal?: AbortSignal;
  /** Told before each wait: a log line and a status per retry (the delay doubles, so they do not flood). */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** The runner's defaults: 5 tries of an unclassified failure; waits from 200 ms, doubling up to 30 s. */
export const DEFAULT_RETRY_POLICY = { maxAttempts: 5, initialMs: 200, maxMs: 30_000 } as const;

/**
 * Runs one store call (or one batch, whose work includes store calls) under the runner's error policy:
 * - transient errors are retried with capped backoff for as long as it takes: an outage heals by itself, and the
 *   projector has nothing better to do than wait for it;
 * - permanent errors are not retried: retrying only loops. The caller stops the projection with the cause;
 * - unclassified errors are retried up to `maxAttempts` tries, then treated as permanent. Retrying a little covers
 *   an outage an adapter does not recognise; stopping then keeps an error that fails every time from looping
 *   forever. An adapter that wants its outage waited out says so with a transient error.
 */
export function callWithPolicy<T>(work: () => Promise<T>, policy: StoreCallPolicy): Promise<T> {
  let unclassified = 0;
  return retrying(work, {
    initialMs: policy.initialMs,
    maxMs: policy.maxMs,
    signal: policy.signal,
    onRetry: policy.onRetry,
    retryable: (error) => {
      // Another projector holds the lease: not an outage, and retrying the write cannot succeed.
      if (isLeaseLostError(error)) return false;
      const kind = failureKind(error);
      return kind === 'transient' || (kind === 'unclassified' && ++unclassified < policy.maxAttempts);
    },
  });
}

/** A call given up on: its error was permanent, or unclassified after `maxAttempts` tries (`cause`). */
export class StoreCallFailure extends Error {
  constructor(
    readonly operation: string,
    cause: unknown,
    /** The first event the failure kept from being applied or written, when there is one. */
    readonly failedPosition?: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'StoreCallFailure';
    this.stack = cause instanceof Error ? cause.stack : this.stack;
  }
}
