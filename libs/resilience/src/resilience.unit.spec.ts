import {
  backoffDelay,
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  retrying,
  StoreTimeoutError,
  StoreUnavailableError,
  withDeadline,
} from './index';
import { withFaults } from './testing';

describe('store errors', () => {
  it('tell transient from permanent by their flag, also when copied across a thread', () => {
    const transient = new StoreUnavailableError('MongoDB', 'find', 'server selection timed out');
    const permanent = new PermanentStoreError('MongoDB', 'applyBatch', 'document over 16 MB');
    expect(isTransientStoreError(transient)).toBe(true);
    expect(isTransientStoreError(new StoreTimeoutError('EventStoreDB', 'readStream', 100))).toBe(true);
    expect(isTransientStoreError(permanent)).toBe(false);
    expect(isPermanentStoreError(permanent)).toBe(true);
    expect(isTransientStoreError(structuredClone({ ...transient, transient: true }))).toBe(true);
    expect(isTransientStoreError(new Error('boom'))).toBe(false);
    expect(isPermanentStoreError(new Error('boom'))).toBe(false);
  });
});

describe('withDeadline', () => {
  it('rejects with a timeout naming the call, and aborts the work', async () => {
    let aborted = false;
    const never = withDeadline(20, { store: 'EventStoreDB', operation: 'ping' }, (signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise<never>(() => undefined);
    });
    await expect(never).rejects.toThrow('EventStoreDB ping: no answer within 20 ms');
    await expect(never).rejects.toBeInstanceOf(StoreTimeoutError);
    expect(aborted).toBe(true);
  });

  it('passes the answer through when it comes in time, and has no deadline at 0', async () => {
    await expect(withDeadline(1000, { store: 's', operation: 'o' }, async () => 42)).resolves.toBe(42);
    await expect(withDeadline(0, { store: 's', operation: 'o' }, async () => 'x')).resolves.toBe('x');
  });

  it("aborts when the caller's signal aborts", async () => {
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    const work = withDeadline(10_000, { store: 's', operation: 'o', signal: caller.signal }, (signal) => {
      seen = signal;
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('cancelled'))),
      );
    });
    caller.abort();
    await expect(work).rejects.toThrow('cancelled');
    expect(seen?.aborted).toBe(true);
  });
});

describe('backoff', () => {
  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffDelay(a, { initialMs: 100, maxMs: 500 }))).toEqual([
      100, 200, 400, 500, 500,
    ]);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(3, { initialMs: 10, maxMs: 1000, jitter: 'full' });
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(40);
    }
  });

  it('spreads with equal jitter between half and all of the delay', () => {
    const at = (random: number) => (attempt: number) =>
      backoffDelay(attempt, { maxMs: 5000, jitter: 'equal', random: () => random });
    expect([1, 2, 3, 4, 20].map(at(0))).toEqual([50, 100, 200, 400, 2500]);
    expect([1, 2, 3, 4, 20].map(at(0.999999)).map(Math.round)).toEqual([100, 200, 400, 800, 5000]);
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(6, { jitter: 'equal' })));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1600);
      expect(delay).toBeLessThanOrEqual(3200);
    }
  });

  it('retries transient errors until the work succeeds, and gives up at once on others', async () => {
    let tries = 0;
    const retries: number[] = [];
    const result = await retrying(
      async () => {
        if (++tries < 4) throw new StoreUnavailableError('s', 'o', 'away');
        return 'done';
      },
      { initialMs: 1, onRetry: (_e, attempt) => retries.push(attempt) },
    );
    expect(result).toBe('done');
    expect(retries).toEqual([1, 2, 3]);

    let permanentTries = 0;
    await expect(
      retrying(
        async () => {
          permanentTries++;
          throw new PermanentStoreError('s', 'o', 'too large');
        },
        { initialMs: 1 },
      ),
    ).rejects.toThrow('too large');
    expect(permanentTries).toBe(1);
  });

  it('stops after maxAttempts with the last error', async () => {
    let tries = 0;
    await expect(
      retrying(
        async () => {
          tries++;
          throw new StoreUnavailableError('s', 'o', `away ${tries}`);
        },
        { initialMs: 1, maxAttempts: 3 },
      ),
    ).rejects.toThrow('away 3');
  });
});

class Store {
  writes: string[] = [];
  async write(value: string): Promise<string> {
    this.writes.push(value);
    return value;
  }
  async read(): Promise<string[]> {
    return [...this.writes];
  }
  subscribe(): AsyncIterable<number> {
    return (async function* () {
      for (let i = 1; i <= 3; i++) yield i;
    })();
  }
  sync(): number {
    return 7;
  }
}

describe('withFaults', () => {
  it('fails the named calls without reaching the store, for as many calls as asked', async () => {
    const { store, faults } = withFaults(new Store(), { store: 'TestStore', iterableMethods: ['subscribe'] });
    faults.fail(['write'], { times: 2 });
    await expect(store.write('a')).rejects.toThrow('TestStore write: store unavailable (injected fault)');
    await expect(store.write('b')).rejects.toMatchObject({ transient: true });
    await expect(store.write('c')).resolves.toBe('c');
    expect(await store.read()).toEqual(['c']);
    expect(faults.calls('write')).toBe(3);
    expect(faults.faulted('write')).toBe(2);
  });

  it('loses the answer of a call that did run, when asked', async () => {
    const target = new Store();
    const { store, faults } = withFaults(target);
    faults.fail(['write'], { lostAnswer: true, times: 1 });
    await expect(store.write('a')).rejects.toThrow('injected fault');
    expect(target.writes).toEqual(['a']);
  });

  it('lets calls through first with `after`, and uses the given error', async () => {
    const { store, faults } = withFaults(new Store());
    faults.fail('*', { after: 1, error: () => new PermanentStoreError('s', 'write', 'too large') });
    await expect(store.write('a')).resolves.toBe('a');
    await expect(store.read()).rejects.toMatchObject({ transient: false });
  });

  it('hangs calls until cleared, then rejects them as transient', async () => {
    const { store, faults } = withFaults(new Store());
    faults.hang(['read']);
    const hanging = store.read();
    expect(faults.hanging).toBe(1);
    faults.clear();
    await expect(hanging).rejects.toMatchObject({ transient: true });
    await expect(store.read()).resolves.toEqual([]);
  });

  it('delays calls and keeps their real answer', async () => {
    const { store, faults } = withFaults(new Store());
    faults.delay(['write'], 5);
    await expect(store.write('slow')).resolves.toBe('slow');
  });

  it('faults the iteration of a subscription, and leaves plain synchronous methods alone', async () => {
    const { store, faults } = withFaults(new Store(), {
      iterableMethods: ['subscribe'],
      passThrough: ['sync'],
    });
    faults.fail(['subscribe'], { after: 2 });
    faults.fail(['sync']);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of store.subscribe()) seen.push(value);
      })(),
    ).rejects.toMatchObject({ transient: true });
    expect(seen).toEqual([1, 2]);
    expect(store.sync()).toBe(7);
    expect(store).toBeInstanceOf(Store);
  });
});
