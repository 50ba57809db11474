import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import {
  EVENT_STORE,
  groupCommitFor,
  openSqliteDatabase,
  SqliteEventStore,
  type EventStore,
} from '@app/event-store';
import {
  PERSONAL_DATA_TRANSFORMER,
  PERSONAL_DATA_VAULT,
  PersonalDataTransformer,
  SqlitePersonalDataVault,
  type PersonalDataVault,
} from '@app/privacy';
import { READ_STORE, SqliteReadStore, type ReadStore } from '@app/read-store';
import type { StoresConfig } from './stores.config';

/**
 * The embedded database of record (events, idempotency records, personal data keys, secrets), one connection
 * shared by every SQLite adapter of this process that writes there; null when the events are not in SQLite.
 */
export const SQLITE_DATABASE = Symbol('SQLITE_DATABASE');
/** The embedded read models' database (SQLITE_READ_MODELS_FILE); null when the read models are not in SQLite. */
export const SQLITE_READ_DATABASE = Symbol('SQLITE_READ_DATABASE');
export const STORES_CONFIG = Symbol('STORES_CONFIG');

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
    // Writes still waiting for their group commit are committed (and answered) before the connection closes.
    if (this.db?.open) await groupCommitFor(this.db).run(() => undefined);
    await this.events.close();
    await this.reads.close();
    if (this.db?.open) this.db.close();
    if (this.readDb?.open) this.readDb.close();
    this.logger.log('Stores closed');
  }
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
  static forRoot(config: StoresConfig): DynamicModule {
    // The file of record also holds what lives beside the read models in production (idempotency records,
    // personal data keys), so it is open whenever either store is embedded.
    const usesSqlite = config.eventStore === 'sqlite' || config.readStore === 'sqlite';
    return {
      module: StoresModule,
      providers: [
        { provide: STORES_CONFIG, useValue: config },
        {
          provide: SQLITE_DATABASE,
          useFactory: () =>
            usesSqlite
              ? openSqliteDatabase(config.sqliteFile, { synchronous: config.sqliteSynchronous })
              : null,
        },
        {
          provide: EVENT_STORE,
          useFactory: async (db: Database | null): Promise<EventStore> => {
            if (config.eventStore === 'sqlite') return new SqliteEventStore(db!);
            const { EventStoreDbEventStore } =
              await import('../../event-store/src/adapters/eventstoredb/index.js');
            const store = EventStoreDbEventStore.connect(config.eventStoreDbUrl!, {
              timeoutMs: config.eventStoreDbTimeoutMs,
              appendTimeoutMs: config.eventStoreDbAppendTimeoutMs,
            });
            await store.ping();
            return store;
          },
          inject: [SQLITE_DATABASE],
        },
        {
          provide: SQLITE_READ_DATABASE,
          useFactory: () =>
            config.readStore === 'sqlite'
              ? openSqliteDatabase(config.sqliteReadModelsFile, { synchronous: 'NORMAL' })
              : null,
        },
        {
          provide: READ_STORE,
          useFactory: async (db: Database | null): Promise<ReadStore> => {
            if (config.readStore === 'sqlite') return new SqliteReadStore(db!);
            const { MongoReadStore } =
              await import('../../read-store/src/adapters/mongodb/mongodb-read-store.js');
            return MongoReadStore.connect(config.mongoDbUrl!, { timeoutMs: config.mongoDbTimeoutMs });
          },
          inject: [SQLITE_READ_DATABASE],
        },
        {
          // The keys of crypto-shredding live outside the event log, beside the read models: a table of the
          // embedded database, or a collection of the read store's MongoDB database, which the api and the
          // projector both reach.
          provide: PERSONAL_DATA_VAULT,
          useFactory: async (db: Database | null, readStore: ReadStore): Promise<PersonalDataVault> => {
            if (config.readStore === 'sqlite') return new SqlitePersonalDataVault(db!);
            const { MongoPersonalDataVault } =
              await import('../../privacy/src/adapters/mongodb/mongodb-personal-data.vault.js');
            return MongoPersonalDataVault.besideReadModels(readStore as unknown as { database: never });
          },
          inject: [SQLITE_DATABASE, READ_STORE],
        },
        {
          provide: PERSONAL_DATA_TRANSFORMER,
          useFactory: (vault: PersonalDataVault) => new PersonalDataTransformer(vault),
          inject: [PERSONAL_DATA_VAULT],
        },
        StoresCloser,
      ],
      exports: [
        STORES_CONFIG,
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
