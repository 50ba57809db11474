import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticNetwork } from '@app/contracts/testing/synthetic-network';
import type { SyntheticAppend } from '@app/contracts/testing/synthetic-network';
import { type EventStore } from '@app/event-store';
import { openSqliteDatabase, type SqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { type ReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import type { Projection } from '../projection';
import { rebuildProjection } from '../runner/rebuild';

/**
 * Real SQLite stores for runner tests: a synthetic network's events in a file of their own (appended once, read by
 * every test), and a fresh read-models file per test. `reference` holds what a clean rebuild of the projections
 * makes of the events, on stores nothing else touched.
 */
export class RunnerStores {
  private opened: { close(): void }[] = [];
  private files = 0;

  private constructor(
    readonly dir: string,
    private readonly eventsFile: string,
    readonly head: number,
    private withheld: SyntheticAppend[],
  ) {}

  /**
   * Appends a synthetic network of about `events` events (the same ones for the same seed), but for its last
   * `withhold` appends, which `appendWithheld` appends later (events that arrive while projections are live).
   */
  static async seed(events: number, seed = 14, withhold = 0): Promise<RunnerStores> {
    const dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-runner-faults-'));
    const file = join(dir, 'events.db');
    const db = openSqliteDatabase(file, { synchronous: 'NORMAL' });
    const store = new SqliteEventStore(db);
    const appends = [...syntheticNetwork({ events, seed })];
    const withheld = withhold > 0 ? appends.splice(appends.length - withhold) : [];
    for (const append of appends) {
      await store.appendToStream(append.streamId, append.events, append.expectedRevision);
    }
    const head = (await store.headPosition()) ?? 0;
    await store.close();
    db.close();
    return new RunnerStores(dir, file, head, withheld);
  }

  /** Appends what `seed` withheld through `store` (its subscriptions wake at once); returns the new head. */
  async appendWithheld(store: EventStore): Promise<number> {
    const appends = this.withheld;
    this.withheld = [];
    for (const append of appends) {
      await store.appendToStream(append.streamId, append.events, append.expectedRevision);
    }
    return (await store.headPosition()) ?? 0;
  }

  /** An event store on the seeded events (its own connection). */
  events(): SqliteEventStore {
    const db = this.open(this.eventsFile);
    return new SqliteEventStore(db, { pollIntervalMs: 10 });
  }

  /** A read store on a new, empty file. */
  reads(): SqliteReadStore {
    return new SqliteReadStore(this.open(join(this.dir, `reads-${++this.files}.db`)));
  }

  /** Every store this opened is closed, and the files removed. */
  close(): void {
    for (const db of this.opened.reverse()) db.close();
    this.opened = [];
    rmSync(this.dir, { recursive: true, force: true });
  }

  private open(file: string): SqliteDatabase {
    const db = openSqliteDatabase(file, { synchronous: 'NORMAL' });
    this.opened.push(db);
    return db;
  }
}

/** Every document of the projections' collections (the active version), by collection, as canonical JSON. */
export async function readModels(
  reads: ReadStore,
  projections: readonly Projection[],
): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const projection of projections) {
    for (const { name } of projection.collections) {
      const { items } = await reads.find(name, { sort: [{ field: 'id' }] });
      result[name] = items.map(canonicalJson);
    }
  }
  return result;
}

/** JSON with the keys of every object sorted, at every depth: equal documents give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The read models a clean rebuild of `projections` makes on an untouched read store. */
export async function cleanRebuild(
  stores: RunnerStores,
  projections: readonly Projection[],
): Promise<Record<string, string[]>> {
  const events = stores.events();
  const reads = stores.reads();
  for (const projection of projections) await rebuildProjection(projection, events, reads);
  const models = await readModels(reads, projections);
  await events.close();
  return models;
}

/** Polls `condition` until it holds (no fixed sleeps in tests); fails naming `what` after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not reached within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A test's stores: one SQLite file, in a folder of its own, with an event store and a read store on it. */
export interface SqliteTestStores {
  readonly db: SqliteDatabase;
  readonly events: SqliteEventStore;
  readonly reads: SqliteReadStore;
}

/**
 * Fresh stores for every test of the suite (opened before each, closed and deleted after each): read them from the
 * returned object inside a test.
 */
export function sqliteStoresPerTest(prefix: string): SqliteTestStores {
  let current: (SqliteTestStores & { dir: string }) | undefined;
  const opened = () => {
    if (!current) throw new Error('the stores are opened for each test (beforeEach)');
    return current;
  };
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const db = openSqliteDatabase(join(dir, 'test.db'));
    current = {
      dir,
      db,
      events: new SqliteEventStore(db, { pollIntervalMs: 10 }),
      reads: new SqliteReadStore(db),
    };
  });
  afterEach(async () => {
    const { dir, db, events } = opened();
    current = undefined;
    await events.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get db() {
      return opened().db;
    },
    get events() {
      return opened().events;
    },
    get reads() {
      return opened().reads;
    },
  };
}

/** Stores seeded once for a suite, and what a clean rebuild of every projection makes of their events. */
export interface SeededSuite {
  readonly stores: RunnerStores;
  readonly reference: Record<string, string[]>;
}

/**
 * Seeds stores with about `events` synthetic events before the suite's tests (and rebuilds `projections` cleanly
 * on them as the reference); closes them after the suite. Read them from the returned object inside a test.
 */
export function seededSuite(events: number, projections: readonly Projection[]): SeededSuite {
  let seeded: SeededSuite | undefined;
  const ready = () => {
    if (!seeded) throw new Error('the stores are seeded before the suite (beforeAll)');
    return seeded;
  };
  beforeAll(async () => {
    const stores = await RunnerStores.seed(events);
    seeded = { stores, reference: await cleanRebuild(stores, projections) };
  }, 120_000);
  afterAll(() => seeded?.stores.close());
  return {
    get stores() {
      return ready().stores;
    },
    get reference() {
      return ready().reference;
    },
  };
}
