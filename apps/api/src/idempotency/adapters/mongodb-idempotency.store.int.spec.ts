import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { suiteOnServer } from '@app/resilience/testing';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { MongoIdempotencyStore } from './mongodb-idempotency.store';

suiteOnServer(
  'MONGODB_URL',
  'MongoDB idempotency store contract suite',
  'runs the idempotency store contract against MongoDB',
  (url) =>
    idempotencyStoreContract('MongoIdempotencyStore', async () => {
      const client = await MongoClient.connect(url);
      const db = client.db(`idempotency_test_${randomBytes(4).toString('hex')}`);
      return {
        store: new MongoIdempotencyStore(db),
        cleanup: async () => {
          await db.dropDatabase();
          await client.close();
        },
      };
    }),
);
