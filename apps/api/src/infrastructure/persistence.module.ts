import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { openSqliteDatabase, SqliteEventStore } from '@app/event-store';
import type { AppConfig } from '../config/app.config';
import { SqliteIdempotencyStore } from '../idempotency/adapters/sqlite-idempotency.store';
import { IDEMPOTENCY_STORE } from '../idempotency/idempotency.port';

/** The embedded database connection, shared by every SQLite adapter of this process. */
export const SQLITE_DATABASE = Symbol('SQLITE_DATABASE');
/** Key of the keyed hash that names e-mail claim streams (no plaintext e-mail address in a stream name). */
export const EMAIL_HASH_KEY = Symbol('EMAIL_HASH_KEY');

class DatabaseCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Persistence');
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQLITE_DATABASE) private readonly db: Database,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.db.close();
    this.logger.log('Database closed');
  }
}

/**
 * Binds the ports to their adapters. Today the embedded SQLite adapters; the EventStoreDB and MongoDB adapters
 * are chosen here by configuration when they exist, never by code edits elsewhere.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: SQLITE_DATABASE,
          useFactory: () => openSqliteDatabase(config.sqliteFile, { synchronous: config.sqliteSynchronous }),
        },
        {
          provide: EVENT_STORE,
          useFactory: (db: Database) => new SqliteEventStore(db),
          inject: [SQLITE_DATABASE],
        },
        {
          provide: IDEMPOTENCY_STORE,
          useFactory: (db: Database) => new SqliteIdempotencyStore(db),
          inject: [SQLITE_DATABASE],
        },
        {
          provide: EMAIL_HASH_KEY,
          useFactory: (db: Database) => config.emailHashKey ?? embeddedSecret(db, 'email-hash-key'),
          inject: [SQLITE_DATABASE],
        },
        DatabaseCloser,
      ],
      exports: [SQLITE_DATABASE, EVENT_STORE, IDEMPOTENCY_STORE, EMAIL_HASH_KEY],
    };
  }
}

/**
 * A secret made once per embedded database and kept in it, so the embedded mode needs no set-up. Production
 * configures its secrets explicitly.
 */
function embeddedSecret(db: Database, name: string): string {
  db.exec('CREATE TABLE IF NOT EXISTS app_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
  db.prepare('INSERT INTO app_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
    name,
    randomBytes(32).toString('hex'),
  );
  return (db.prepare('SELECT value FROM app_secrets WHERE name = ?').get(name) as { value: string }).value;
}
