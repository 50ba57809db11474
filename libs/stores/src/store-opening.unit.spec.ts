import { isPermanentStoreError, isTransientStoreError, StoreUnavailableError } from '@app/resilience';
import { isTransientAtStartUp, StoreOpening } from './store-opening';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A store that answers; `tries` counts the attempts to open it. */
class Store {
  closed = false;
  async find(id: string): Promise<string> {
    return `found ${id}`;
  }
  count(): number {
    return 3;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Fails `failures` times with `error`, then opens. */
function opener(failures: number, error: () => unknown = () => busy()) {
  const state = { tries: 0 };
  return {
    state,
    open: () => {
      state.tries++;
      if (state.tries <= failures) throw error();
      return new Store();
    },
  };
}

/** What better-sqlite3 throws for a file another connection holds locked. */
const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('isTransientAtStartUp', () => {
  it('takes transient store errors and a locked SQLite file, not other errors', () => {
    expect(isTransientAtStartUp(new StoreUnavailableError('MongoDB', 'connect', 'no server'))).toBe(true);
    expect(isTransientAtStartUp(busy())).toBe(true);
    expect(isTransientAtStartUp(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_RECOVERY' }))).toBe(true);
    expect(isTransientAtStartUp(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(false);
    expect(isTransientAtStartUp(new Error('MongoDB must be a replica set'))).toBe(false);
  });
});

describe('StoreOpening', () => {
  it('is open after its first try when the store is there', async () => {
    const { open, state } = opener(0);
    const opening = new StoreOpening('read store', open, { logger: quiet });
    await opening.firstTry;
    expect(opening.state()).toEqual({ state: 'open' });
    expect(await opening.portOf((s) => s).find('a')).toBe('found a');
    expect(state.tries).toBe(1);
  });

  it('stands in while the store is not reachable, says why, and becomes the store once it opens', async () => {
    const { open, state } = opener(3);
    const opening = new StoreOpening('read store', open, { logger: quiet });
    const port = opening.portOf((s) => s);
    const handle = opening.portOf((s) => s, { synchronous: true, beforeOpen: { closed: 'not yet' } });
    await opening.firstTry;
    expect(opening.state()).toEqual({ state: 'opening', reason: 'database is locked' });

    const refused = port.find('a');
    await expect(refused).rejects.toThrow('read store find: not open yet (database is locked)');
    expect(isTransientStoreError(await refused.catch((e: unknown) => e))).toBe(true);
    expect(() => handle.count()).toThrow('read store count: not open yet (database is locked)');
    expect(handle.closed).toBe('not yet');
    // Asked what it is (a promise? Nest lifecycle hooks?), it has nothing to offer.
    expect((port as unknown as { then?: unknown }).then).toBeUndefined();
    expect((port as unknown as { onApplicationShutdown?: unknown }).onApplicationShutdown).toBeUndefined();

    await opening.opened;
    expect(state.tries).toBe(4);
    expect(opening.state()).toEqual({ state: 'open' });
    expect(await port.find('b')).toBe('found b');
    expect(handle.count()).toBe(3);
  });

  it('fails its first try on an error that retrying will not cure, and its calls say so', async () => {
    const { open, state } = opener(1, () => new Error('MongoDB must be a replica set'));
    const opening = new StoreOpening('read store', open, { logger: quiet });
    await expect(opening.firstTry).rejects.toThrow('replica set');
    expect(opening.state()).toEqual({ state: 'failed', reason: 'MongoDB must be a replica set' });
    const refused = opening.portOf((s) => s).find('a');
    expect(isPermanentStoreError(await refused.catch((e: unknown) => e))).toBe(true);
    expect(state.tries).toBe(1);
  });

  it('stops trying when closed, and closes the store when it is open', async () => {
    const { open, state } = opener(Infinity);
    const opening = new StoreOpening('read store', open, { logger: quiet });
    await opening.firstTry;
    await opening.close();
    await expect(opening.opened).rejects.toThrow('closed while opening');
    const tries = state.tries;
    // Nothing may happen any more: a window of several retry delays in which no try is made.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(state.tries).toBe(tries);
    await expect(opening.portOf((s) => s).find('a')).rejects.toThrow('read store find: closed');

    const store = new Store();
    const open2 = new StoreOpening('read store', () => store, { logger: quiet });
    await open2.firstTry;
    await open2.portOf((s) => s).close();
    expect(store.closed).toBe(true);
    expect(open2.state()).toEqual({ state: 'closed' });
  });
});
