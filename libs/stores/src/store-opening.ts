import { Logger } from '@nestjs/common';
import { isTransientStoreError, PermanentStoreError, retrying, StoreUnavailableError } from '@app/resilience';

/**
 * Whether an error at start-up means "the store is not reachable yet, try again" rather than "this will never
 * work". Transient store errors (see libs/resilience) are; so is a SQLite file another connection holds locked.
 */
export function isTransientAtStartUp(error: unknown): boolean {
  if (isTransientStoreError(error)) return true;
  // The one place that recognises SQLite's "database is locked" by better-sqlite3's error code: SQLITE_BUSY (and
  // its extended codes, SQLITE_BUSY_RECOVERY, ...) when another connection holds the lock, SQLITE_LOCKED for a
  // conflict within one connection. Duck-typed, as the error class differs per module instance under Jest. The
  // SQLite adapters do not classify their errors as store errors yet; once they do, this branch can go.
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** The first line of an error's message: what /health and the logs show as the reason. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

export type OpeningState =
  | { state: 'opening'; reason?: string }
  | { state: 'open' }
  /** Opening failed with an error that retrying will not cure (a wrong setting). */
  | { state: 'failed'; reason: string }
  | { state: 'closed' };

export interface StoreOpeningOptions<R> {
  /** Closes what was opened (default: its `close()`, if any). */
  close?: (opened: R) => unknown;
  /** Longest wait between two tries (default 5 s). */
  maxDelayMs?: number;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
}

export interface PortOptions {
  /** The port's methods throw (synchronous APIs such as a database handle) rather than reject. */
  synchronous?: boolean;
  /** Properties the port answers with before it is open (e.g. `open: false` for a database handle). */
  beforeOpen?: Readonly<Record<string, unknown>>;
}

/**
 * Properties looked up to ask what an object is rather than to call the store: a stand-in has none of them before
 * the store is open (a promise's `then`, JSON, and the lifecycle hooks Nest looks for on every provider).
 */
const PROBED_PROPERTIES = new Set([
  'then',
  'toJSON',
  'constructor',
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

/** Tries between two "still unavailable" log lines while the reason stays the same. */
const LOG_EVERY_ATTEMPTS = 20;

/**
 * A store opened in the background, so that a process starts (and answers its liveness and readiness checks)
 * while the store is not reachable yet: tries to open it, and again with capped backoff while the error is
 * transient ({@link isTransientAtStartUp}). Its ports ({@link portOf}) stand in for the store from the start:
 * until it is open each call fails at once with a transient {@link StoreUnavailableError} that names the reason
 * (callers answer 503, retry, or wait); afterwards they are the store.
 */
export class StoreOpening<R extends object> {
  /** Resolves with the store once open; rejects when opening failed for good or was given up (closed). */
  readonly opened: Promise<R>;
  /**
   * Settles after the first try: resolves when the store is open or still being tried (a store that is there at
   * start-up is open before anything uses it), rejects with the error when it cannot be opened at all (a wrong
   * setting fails the start-up, as it always did).
   */
  readonly firstTry: Promise<void>;
  private current?: R;
  private status: OpeningState = { state: 'opening' };
  private readonly abort = new AbortController();

  constructor(
    readonly store: string,
    open: () => R | Promise<R>,
    private readonly options: StoreOpeningOptions<R> = {},
  ) {
    const logger = options.logger ?? new Logger('Stores');
    // Resolved when the first try failed in a way worth trying again.
    let tried!: () => void;
    const triedOnce = new Promise<void>((resolve) => (tried = resolve));
    let lastLogged: { reason: string; attempt: number } | undefined;
    this.opened = retrying(async () => open(), {
      retryable: isTransientAtStartUp,
      signal: this.abort.signal,
      initialMs: 100,
      maxMs: options.maxDelayMs ?? 5000,
      onRetry: (error, attempt, delayMs) => {
        const reason = reasonOf(error);
        this.status = { state: 'opening', reason };
        tried();
        if (lastLogged?.reason !== reason || attempt - lastLogged.attempt >= LOG_EVERY_ATTEMPTS) {
          lastLogged = { reason, attempt };
          logger.warn({
            msg: `The ${store} is not available yet (${reason}); trying again in ${Math.round(delayMs)} ms`,
            store,
            attempt,
          });
        }
      },
    }).then(
      async (opened) => {
        if (this.abort.signal.aborted) {
          await this.closeOpened(opened);
          throw new StoreUnavailableError(store, 'open', 'closed while opening');
        }
        this.current = opened;
        this.status = { state: 'open' };
        if (lastLogged) logger.log({ msg: `The ${store} is available`, store });
        return opened;
      },
      (error: unknown) => {
        if (this.abort.signal.aborted) {
          this.status = { state: 'closed' };
          throw new StoreUnavailableError(store, 'open', 'closed while opening', { cause: error });
        }
        this.status = { state: 'failed', reason: reasonOf(error) };
        logger.error({ msg: `The ${store} cannot be opened: ${reasonOf(error)}`, store });
        throw error;
      },
    );
    // Whoever needs the store awaits `opened` and sees the error; an unobserved failure is no crash.
    this.opened.catch(() => undefined);
    this.firstTry = Promise.race([triedOnce, this.opened]).then(() => undefined);
    this.firstTry.catch(() => undefined);
  }

  state(): OpeningState {
    return this.status;
  }

  /** Why the store cannot be used now; undefined when it is open. */
  unavailableReason(): string | undefined {
    const status = this.status;
    switch (status.state) {
      case 'open':
        return undefined;
      case 'opening':
        return `not open yet${status.reason ? ` (${status.reason})` : ''}`;
      case 'failed':
        return `cannot be opened (${status.reason})`;
      case 'closed':
        return 'closed';
    }
  }

  /** Stops trying; closes the store when it is open. */
  async close(): Promise<void> {
    this.abort.abort();
    const current = this.current;
    this.current = undefined;
    if (this.status.state !== 'failed') this.status = { state: 'closed' };
    if (current) await this.closeOpened(current);
  }

  /**
   * A stand-in for what `select` takes from the opened store (the store itself, its database handle, an adapter
   * that lives beside it), usable from the start: its calls fail as unavailable until the store is open. `close`
   * closes the whole opening. `select` runs once.
   */
  portOf<P extends object>(select: (opened: R) => P, options: PortOptions = {}): P {
    let selected: P | undefined;
    return new Proxy({} as P, {
      get: (_target, property) => {
        if (property === 'close') return () => this.close();
        const current = this.current;
        if (current) {
          selected ??= select(current);
          const value: unknown = Reflect.get(selected, property, selected);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(selected) : value;
        }
        if (typeof property === 'symbol' || PROBED_PROPERTIES.has(property)) return undefined;
        if (options.beforeOpen && property in options.beforeOpen) return options.beforeOpen[property];
        return () => {
          const reason = this.unavailableReason() ?? 'closed';
          // Opening failed for good: calls will not succeed later either.
          const error =
            this.status.state === 'failed'
              ? new PermanentStoreError(this.store, property, reason)
              : new StoreUnavailableError(this.store, property, reason);
          if (options.synchronous) throw error;
          return Promise.reject(error);
        };
      },
    });
  }

  private async closeOpened(opened: R): Promise<void> {
    if (this.options.close) await this.options.close(opened);
    else await (opened as { close?: () => unknown }).close?.();
  }
}
