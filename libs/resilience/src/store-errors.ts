/**
 * What a store call's failure means for whoever retries it. Adapters translate their client's errors into these
 * (each adapter knows its own client's codes); callers decide with {@link isTransientStoreError} alone.
 *
 * - transient: the store is away or busy (network, server selection, an election, a timeout, a locked file). The
 *   same call may succeed later: retry with backoff, without limit where nothing else can be done (the projector).
 * - permanent: the call will fail the same way every time (a document too large, a transaction too large, a
 *   malformed request). Retrying only loops: stop and report it.
 */
abstract class StoreCallError extends Error {
  abstract readonly transient: boolean;
  constructor(
    readonly store: string,
    readonly operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${store} ${operation}: ${message}`, options);
    this.name = new.target.name;
  }
}

/** The store is away or busy: the same call may succeed later. */
export class StoreUnavailableError extends StoreCallError {
  readonly transient = true;
}

/** A call that did not answer within its deadline (and was cancelled where the client allows it). */
export class StoreTimeoutError extends StoreUnavailableError {
  constructor(
    store: string,
    operation: string,
    readonly timeoutMs: number,
  ) {
    super(store, operation, `no answer within ${timeoutMs} ms`);
  }
}

/** A failure that will not heal by retrying the same call. */
export class PermanentStoreError extends StoreCallError {
  readonly transient = false;
}

/**
 * Whether retrying the same call may succeed. Recognised by the `transient` flag rather than `instanceof`, so an
 * error crossing a worker thread or a second copy of this module is still understood.
 */
export function isTransientStoreError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { transient?: unknown }).transient === true;
}

/** Whether an adapter said that retrying will not help. */
export function isPermanentStoreError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { transient?: unknown }).transient === false
  );
}
