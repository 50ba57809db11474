import { StoreUnavailableError } from '../store-errors';

/**
 * Faults on cue for any port (event store, read store, personal data vault, idempotency store): wrap the real
 * adapter, hand the wrapper to the code under test, and make chosen calls fail, hang or slow down, then clear the
 * fault and watch the code recover. Runs on the embedded adapters in every CI run, and on the production adapters
 * where their servers are configured.
 *
 * A fault applies to the named methods ('*' for every method but `close`), which must return promises, except the
 * `iterableMethods` (default `subscribeToAll`), which return an async iterable: each `next()` of its iteration is a
 * call of that method. A failing or hanging call does not reach the real adapter (nothing is written), unless the
 * rule says `lostAnswer`: then the real call runs and its answer is lost on the way back (written, but the caller
 * sees a failure). Methods listed in `passThrough` are never faulted.
 */
export type FaultMode =
  /**
   * Reject with `error` (default: a transient StoreUnavailableError). With `lostAnswer` the real call runs first
   * and its outcome is dropped.
   */
  | { kind: 'fail'; error?: () => unknown; lostAnswer?: boolean }
  /** Never answer until the fault is cleared; then reject with a transient error (the connection was reset). */
  | { kind: 'hang' }
  /** Answer after `ms`, with the real result. */
  | { kind: 'delay'; ms: number };

export interface FaultRule {
  /** Method names, or '*' for all. */
  methods: readonly string[] | '*';
  mode: FaultMode;
  /** Calls this rule still applies to (default: every call until cleared). */
  times?: number;
  /** Calls to let through first (default 0). */
  after?: number;
}

export interface FaultControl {
  /** Adds a rule; the newest matching rule wins. Returns a function that removes just this rule. */
  inject(rule: FaultRule): () => void;
  /** Shorthands for `inject`. */
  fail(
    methods: FaultRule['methods'],
    options?: { times?: number; after?: number; error?: () => unknown; lostAnswer?: boolean },
  ): () => void;
  hang(methods: FaultRule['methods'], options?: { times?: number; after?: number }): () => void;
  delay(methods: FaultRule['methods'], ms: number, options?: { times?: number; after?: number }): () => void;
  /** Removes every rule; hung calls reject with a transient error. */
  clear(): void;
  /** Calls seen per method (also those that passed through). */
  calls(method: string): number;
  /** Iterations started per iterable method (subscriptions opened), whose `next()` calls `calls` counts. */
  opened(method: string): number;
  /** Calls a rule acted on, per method. */
  faulted(method: string): number;
  /** Calls hanging now. */
  readonly hanging: number;
}

interface ActiveRule extends FaultRule {
  seen: number;
  applied: number;
}

export function withFaults<T extends object>(
  target: T,
  options: { store?: string; iterableMethods?: readonly string[]; passThrough?: readonly string[] } = {},
): { store: T; faults: FaultControl } {
  const storeName = options.store ?? target.constructor?.name ?? 'store';
  const iterableMethods = new Set(options.iterableMethods ?? ['subscribeToAll']);
  const passThrough = new Set(options.passThrough ?? []);
  const rules: ActiveRule[] = [];
  const calls = new Map<string, number>();
  const faulted = new Map<string, number>();
  const opened = new Map<string, number>();
  const hung = new Set<(error: unknown) => void>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  /** The rule that acts on this call of `method`, if any (counts the call against the rules that match). */
  const ruleFor = (method: string): ActiveRule | undefined => {
    bump(calls, method);
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i];
      if (rule.methods === '*' ? method === 'close' : !rule.methods.includes(method)) continue;
      rule.seen++;
      if (rule.seen <= (rule.after ?? 0)) continue;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      rule.applied++;
      bump(faulted, method);
      return rule;
    }
    return undefined;
  };

  const unavailable = (method: string, message: string) =>
    new StoreUnavailableError(storeName, method, `${message} (injected fault)`);

  const act = <R>(method: string, rule: ActiveRule, real: () => Promise<R>): Promise<R> => {
    const mode = rule.mode;
    switch (mode.kind) {
      case 'fail': {
        const error = () => (mode.error ? mode.error() : unavailable(method, 'store unavailable'));
        if (!mode.lostAnswer) return Promise.reject(error());
        return real().then(
          () => Promise.reject(error()),
          () => Promise.reject(error()),
        );
      }
      case 'hang':
        return new Promise<R>((_, reject) => {
          const release = (error: unknown) => {
            hung.delete(release);
            reject(error);
          };
          hung.add(release);
        });
      case 'delay':
        return new Promise<void>((resolve) => setTimeout(resolve, mode.ms)).then(real);
    }
  };

  const wrapIterable = (method: string, iterable: AsyncIterable<unknown> & object) =>
    new Proxy(iterable, {
      get(it, prop, receiver) {
        if (prop !== Symbol.asyncIterator) {
          const value = Reflect.get(it, prop, receiver);
          return typeof value === 'function' ? value.bind(it) : value;
        }
        return () => {
          const iterator = it[Symbol.asyncIterator]();
          return {
            next: (...args: []) => {
              const rule = ruleFor(method);
              return rule ? act(method, rule, () => iterator.next(...args)) : iterator.next(...args);
            },
            return: (value?: unknown) => iterator.return?.(value) ?? Promise.resolve({ done: true, value }),
            throw: (error?: unknown) => iterator.throw?.(error) ?? Promise.reject(error),
          };
        };
      },
    });

  const store = new Proxy(target, {
    get(object, prop, receiver) {
      const value = Reflect.get(object, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      if (passThrough.has(prop)) return value.bind(object);
      if (iterableMethods.has(prop)) {
        return (...args: unknown[]) => {
          bump(opened, prop);
          return wrapIterable(prop, value.apply(object, args) as AsyncIterable<unknown> & object);
        };
      }
      return (...args: unknown[]) => {
        const real = () => value.apply(object, args) as Promise<unknown>;
        const rule = ruleFor(prop);
        return rule ? act(prop, rule, real) : real();
      };
    },
  });

  const add = (rule: FaultRule) => {
    const active: ActiveRule = { ...rule, seen: 0, applied: 0 };
    rules.push(active);
    return () => {
      const i = rules.indexOf(active);
      if (i >= 0) rules.splice(i, 1);
    };
  };

  const faults: FaultControl = {
    inject: add,
    fail: (methods, o = {}) =>
      add({
        methods,
        mode: { kind: 'fail', error: o.error, lostAnswer: o.lostAnswer },
        times: o.times,
        after: o.after,
      }),
    hang: (methods, o = {}) => add({ methods, mode: { kind: 'hang' }, times: o.times, after: o.after }),
    delay: (methods, ms, o = {}) =>
      add({ methods, mode: { kind: 'delay', ms }, times: o.times, after: o.after }),
    clear() {
      rules.length = 0;
      for (const release of [...hung]) release(unavailable('call', 'connection reset after a hang'));
    },
    calls: (method) => calls.get(method) ?? 0,
    faulted: (method) => faulted.get(method) ?? 0,
    opened: (method) => opened.get(method) ?? 0,
    get hanging() {
      return hung.size;
    },
  };
  return { store, faults };
}
