import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
  type FactoryProvider,
} from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { groupCommitFor } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import {
  PERSONAL_DATA_TRANSFORMER,
  PERSONAL_DATA_VAULT,
  PersonalDataTransformer,
  SqlitePersonalDataVault,
  type PersonalDataVault,
} from '@app/privacy';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import type { StoresConfig } from './stores.config';
import { StoreOpening } from './store-opening';

/**
 * The embedded database of record (events, idempotency records, personal data keys, secrets), one connection
 * shared by every SQLite adapter of this process that writes there; null when the events are not in SQLite.
 */
export const SQLITE_DATABASE = Symbol('SQLITE_DATABASE');
/** The embedded read models' database (SQLITE_READ_MODELS_FILE); null when the read models are not in SQLite. */
export const SQLITE_READ_DATABASE = Symbol('SQLITE_READ_DATABASE');
export const STORES_CONFIG = Symbol('STORES_CONFIG');
/** The read store's {@link StoreOpening}: what adapters kept beside the read models open with (see `besideReadModels`). */
export const READ_STORE_OPENING = Symbol('READ_STORE_OPENING');
export type ReadStoreOpening = StoreOpening<OpenedReadStore>;

/** Decorators around the adapters (tests: fault injection with `withFaults`); the identity when absent. */
export interface StoreWrappers {
  eventStore?: (store: EventStore) => EventStore;
  readStore?: (store: ReadStore) => ReadStore;
}

/** What the busy timeout of the read models' file is once it is open (the adapters' usual wait for a lock). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** How long opening the read models' file waits for another connection's lock before trying again later. */
const OPENING_BUSY_TIMEOUT_MS = 100;

/**
 * Whether the stores this process opens in the background are open, and if not, why: readiness checks and the
 * api's answers while starting (503) ask it. The read store (and what lives beside it) opens in the background;
 * the event store's clients connect on their first call, and the embedded file of record opens at start-up.
 */
export class StoresReadiness {
  constructor(
    private readonly config: StoresConfig,
    private readonly readStore: ReadStoreOpening,
  ) {}

  /** Why the read store cannot be used now; undefined when it is open. */
  readStoreUnavailable(): string | undefined {
    return this.readStore.unavailableReason();
  }

  /**
   * Why commands cannot run now: in production the idempotency records and personal data keys they write live
   * beside the read models, so they wait for the read store too; the embedded ones live in the file of record.
   */
  commandStoresUnavailable(): string | undefined {
    return this.config.readStore === 'sqlite' ? undefined : this.readStoreUnavailable();
  }

  /** Resolves once the read store is open; rejects when it cannot be opened. */
  async whenOpen(): Promise<void> {
    await this.readStore.opened;
  }
}

/**
 * The provider of a store that keeps its data beside the read models (idempotency records, personal data keys): a
 * table of the embedded database, or a collection of the read store's MongoDB database, made once the read store
 * is open; until then its calls fail as unavailable, like the read store's. `mongodb` loads the adapter's class
 * (with its `besideReadModels`) only when it is configured, as the driver is.
 */
export function besideReadModels<P extends object>(
  provide: symbol,
  readStore: StoresConfig['readStore'],
  adapters: {
    sqlite: (db: Database) => P;
    mongodb: () => Promise<{ besideReadModels(readStore: { database: never }): P }>;
  },
): FactoryProvider<Promise<P>> {
  return {
    provide,
    useFactory: async (db: Database | null, opening: ReadStoreOpening): Promise<P> => {
      if (readStore === 'sqlite') return adapters.sqlite(db!);
      const adapter = await adapters.mongodb();
      return opening.portOf((opened) =>
        adapter.besideReadModels(opened.unwrapped as unknown as { database: never }),
      );
    },
    inject: [SQLITE_DATABASE, READ_STORE_OPENING],
  };
}

/** The opened read side: the store the app uses (wrapped for tests), the adapter itself, its SQLite handle. */
export interface OpenedReadStore {
  store: ReadStore;
  unwrapped: ReadStore;
  db?: Database;
}

class StoresCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Stores');
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(SQLITE_DATABASE) private readonly db: Database | null,
    @Inject(SQLITE_READ_DATABASE) private readonly readDb: Database | null,
  ) {}

  // Runs after every other shutdown hook (the projector stores its checkpoint first), closing what is open.
  async onApplicationShutdown(): Promise<void> {
    // Writes still waiting for their group commit are committed (and answered) before the connection closes, and
    // the writer thread closes its connection.
    if (this.db?.open) await groupCommitFor(this.db).close();
    await this.events.close();
    await this.reads.close();
    if (this.db?.open) this.db.close();
    if (this.readDb?.open) this.readDb.close();
    this.logger.log('Stores closed');
  }
}

export interface StoresModuleOptions {
  /** Decorators around the adapters (tests). */
  wrap?: StoreWrappers;
  /**
   * Start without waiting for a read store that is not reachable yet (a server not up, a file locked): it is
   * opened in the background, its calls fail as unavailable meanwhile, and {@link StoresReadiness} says why. For
   * processes that serve health checks (the api, the projector app). Without it the module waits until the store
   * is open (tools such as the rebuild, which have nothing to do before), trying again with backoff.
   */
  openInBackground?: boolean;
}

/**
 * Binds the EVENT_STORE, READ_STORE and PERSONAL_DATA_VAULT ports to the adapters the configuration names: the
 * one place where configuration chooses an adapter. The production adapters are loaded only when chosen (a dynamic
 * import by relative path with its `.js` name, which TypeScript, the swc build and Jest all resolve), so the
 * embedded mode never loads the gRPC or MongoDB clients.
 */
@Global()
@Module({})
export class StoresModule {
  static forRoot(config: StoresConfig, options: StoresModuleOptions = {}): DynamicModule {
    const wrapEvents = options.wrap?.eventStore ?? ((store: EventStore) => store);
    const wrapReads = options.wrap?.readStore ?? ((store: ReadStore) => store);
    // The file of record also holds what lives beside the read models in production (idempotency records,
    // personal data keys), so it is open whenever either store is embedded.
    const usesSqlite = config.eventStore === 'sqlite' || config.readStore === 'sqlite';
    return {
      module: StoresModule,
      providers: [
        { provide: STORES_CONFIG, useValue: config },
        {
          provide: SQLITE_DATABASE,
          useFactory: () => {
            if (!usesSqlite) return null;
            const db = openSqliteDatabase(config.sqliteFile, { synchronous: config.sqliteSynchronous });
            // Before any adapter asks for it: with SQLITE_WRITER_THREAD the group commit of the file of record runs
            // on a writer thread, so that the commits' fsync does not hold this thread.
            groupCommitFor(db, { writerThread: config.sqliteWriterThread });
            return db;
          },
        },
        {
          provide: EVENT_STORE,
          useFactory: async (db: Database | null): Promise<EventStore> => {
            if (config.eventStore === 'sqlite') return wrapEvents(new SqliteEventStore(db!));
            const { EventStoreDbEventStore } =
              await import('../../event-store/src/adapters/eventstoredb/index.js');
            // No call at start-up: the client connects on its first call (and again after a failure), so a server
            // that is not up yet makes /health say so instead of stopping the process.
            return wrapEvents(
              EventStoreDbEventStore.connect(config.eventStoreDbUrl!, {
                timeoutMs: config.eventStoreDbTimeoutMs,
                appendTimeoutMs: config.eventStoreDbAppendTimeoutMs,
              }),
            );
          },
          inject: [SQLITE_DATABASE],
        },
        {
          // Opened in the background (retried while unreachable or locked): the process serves its health
          // checks meanwhile, and says in them why it is not ready.
          provide: READ_STORE_OPENING,
          useFactory: async (): Promise<ReadStoreOpening> => {
            const opening =
              config.readStore === 'sqlite'
                ? new StoreOpening(
                    'read store',
                    () => openSqliteReadStore(config.sqliteReadModelsFile, wrapReads),
                    {
                      close: async ({ store, db }) => {
                        await store.close();
                        if (db?.open) db.close();
                      },
                    },
                  )
                : await openMongoReadStore(config.mongoDbUrl!, config.mongoDbTimeoutMs, wrapReads);
            // A store that is there at start-up is open before anything uses it; one that cannot be opened at all
            // (a wrong setting) fails the start-up. Without `openInBackground` the start waits until it is open.
            await (options.openInBackground ? opening.firstTry : opening.opened);
            return opening;
          },
        },
        {
          provide: SQLITE_READ_DATABASE,
          useFactory: (opening: ReadStoreOpening) =>
            config.readStore === 'sqlite'
              ? opening.portOf((opened) => opened.db!, { synchronous: true, beforeOpen: { open: false } })
              : null,
          inject: [READ_STORE_OPENING],
        },
        {
          provide: READ_STORE,
          useFactory: (opening: ReadStoreOpening): ReadStore => opening.portOf((opened) => opened.store),
          inject: [READ_STORE_OPENING],
        },
        {
          provide: StoresReadiness,
          useFactory: (opening: ReadStoreOpening) => new StoresReadiness(config, opening),
          inject: [READ_STORE_OPENING],
        },
        // The keys of crypto-shredding live outside the event log, beside the read models, which the api and the
        // projector both reach.
        besideReadModels<PersonalDataVault>(PERSONAL_DATA_VAULT, config.readStore, {
          sqlite: (db) => new SqlitePersonalDataVault(db),
          mongodb: async () =>
            (await import('../../privacy/src/adapters/mongodb/mongodb-personal-data.vault.js'))
              .MongoPersonalDataVault,
        }),
        {
          provide: PERSONAL_DATA_TRANSFORMER,
          useFactory: (vault: PersonalDataVault) => new PersonalDataTransformer(vault),
          inject: [PERSONAL_DATA_VAULT],
        },
        StoresCloser,
      ],
      exports: [
        STORES_CONFIG,
        READ_STORE_OPENING,
        StoresReadiness,
        SQLITE_DATABASE,
        SQLITE_READ_DATABASE,
        EVENT_STORE,
        READ_STORE,
        PERSONAL_DATA_VAULT,
        PERSONAL_DATA_TRANSFORMER,
      ],
    };
  }
}

/**
 * The read models' SQLite file, failing soon rather than waiting while another connection holds it locked (better-
 * sqlite3 waits for a lock on this thread: a lock held for long would hold the thread for the whole busy timeout
 * on every try): opening switches the file to WAL, the adapter creates its tables, and a write transaction is
 * begun and rolled back, so that the writes of the start-up (ensureCollections) find the file free; each waits
 * for a lock briefly only (a projector's commit), and the opening is tried again later. Then the usual busy
 * timeout applies.
 */
function openSqliteReadStore(file: string, wrap: (store: ReadStore) => ReadStore): OpenedReadStore {
  const db = openSqliteDatabase(file, { synchronous: 'NORMAL', busyTimeoutMs: OPENING_BUSY_TIMEOUT_MS });
  try {
    const unwrapped = new SqliteReadStore(db);
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    return { store: wrap(unwrapped), unwrapped, db };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** MongoDB: connecting checks that the server is a replica set; tried again while it cannot be reached. */
async function openMongoReadStore(
  url: string,
  timeoutMs: number,
  wrap: (store: ReadStore) => ReadStore,
): Promise<ReadStoreOpening> {
  const { MongoReadStore } = await import('../../read-store/src/adapters/mongodb/mongodb-read-store.js');
  return new StoreOpening<OpenedReadStore>(
    'read store',
    async () => {
      const unwrapped = await MongoReadStore.connect(url, { timeoutMs });
      return { store: wrap(unwrapped), unwrapped };
    },
    { close: ({ store }) => store.close() },
  );
}
