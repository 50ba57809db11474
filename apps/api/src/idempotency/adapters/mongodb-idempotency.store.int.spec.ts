import { suiteOnServer } from '@app/resilience/testing';
import { scratchMongoDatabase } from '@app/resilience/testing/mongo-scratch';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { MongoIdempotencyStore } from './mongodb-idempotency.store';

suiteOnServer(
  'MONGODB_URL',
  'MongoDB idempotency store contract suite',
  'runs the idempotency store contract against MongoDB',
  (url) =>
    idempotencyStoreContract('MongoIdempotencyStore', async () => {
      const { db, drop } = await scratchMongoDatabase(url, 'idempotency_test');
      return { store: new MongoIdempotencyStore(db), cleanup: drop };
    }),
);
