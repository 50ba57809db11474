import { StoreTimeoutError } from './store-errors';

export interface DeadlineOptions {
  /** Names the store and the call in the error: `EventStoreDB`, `readStream`. */
  store: string;
  operation: string;
  /** A caller's own signal (a request that went away) also cancels the work. */
  signal?: AbortSignal;
}

/**
 * Runs `work` with a deadline that holds even where the client's own does not: after `timeoutMs` the returned
 * promise rejects with a {@link StoreTimeoutError} and `work`'s signal is aborted, so a client that accepts a
 * signal (or a stream that can be cancelled on it) stops waiting too. `timeoutMs` of 0 or less, or Infinity, means
 * no deadline. The timer does not keep the process alive.
 */
export function withDeadline<T>(
  timeoutMs: number,
  options: DeadlineOptions,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  else options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const unlimited = !(timeoutMs > 0) || !Number.isFinite(timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const deadline = unlimited
    ? undefined
    : new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new StoreTimeoutError(options.store, options.operation, timeoutMs);
          controller.abort(error);
          reject(error);
        }, timeoutMs);
        timer.unref();
      });
  const running = work(controller.signal);
  const result = deadline ? Promise.race([running, deadline]) : running;
  // A late rejection of the abandoned work is expected, not unhandled.
  if (deadline) running.catch(() => undefined);
  return result.finally(() => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  });
}
