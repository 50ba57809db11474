import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import {
  besideReadModels,
  embeddedSecret,
  SQLITE_DATABASE,
  StoresModule,
  type StoreWrappers,
} from '@app/stores';
import type { AppConfig } from '../config/app.config';
import { SqliteIdempotencyStore } from '../idempotency/adapters/sqlite-idempotency.store';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../idempotency/idempotency.port';

export { SQLITE_DATABASE };
/** Key of the keyed hash that names e-mail claim streams (no plaintext e-mail address in a stream name). */
export const EMAIL_HASH_KEY = Symbol('EMAIL_HASH_KEY');

/**
 * The api's stores: the event and read stores chosen by configuration (StoresModule), plus what only the api
 * keeps (idempotency records, the e-mail hash key).
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(config: AppConfig, options: { wrapStores?: StoreWrappers } = {}): DynamicModule {
    return {
      module: PersistenceModule,
      // The api serves its health checks (and answers 503) while the read store is not reachable yet.
      imports: [StoresModule.forRoot(config.stores, { wrap: options.wrapStores, openInBackground: true })],
      providers: [
        // Idempotency records live beside the read models: shared by every api instance in production.
        besideReadModels<IdempotencyStore>(IDEMPOTENCY_STORE, config.stores.readStore, {
          sqlite: (db) => new SqliteIdempotencyStore(db),
          mongodb: async () =>
            (await import('../idempotency/adapters/mongodb-idempotency.store.js')).MongoIdempotencyStore,
        }),
        {
          // Production configures the key (validated at start-up); the embedded mode makes one per database.
          provide: EMAIL_HASH_KEY,
          useFactory: (db: Database | null) => config.emailHashKey ?? embeddedSecret(db!, 'email-hash-key'),
          inject: [SQLITE_DATABASE],
        },
      ],
      exports: [StoresModule, IDEMPOTENCY_STORE, EMAIL_HASH_KEY],
    };
  }
}
