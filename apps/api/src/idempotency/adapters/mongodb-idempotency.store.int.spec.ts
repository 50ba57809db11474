import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { MongoIdempotencyStore } from './mongodb-idempotency.store';

const url = process.env.MONGODB_URL;

if (!url) {
  // Not run, and said so (as the read store's MongoDB suite): it needs a MongoDB server; see docs/production.md.
  const reason = 'MONGODB_URL is not set (see docs/production.md)';
  process.stderr.write(`MongoDB idempotency store contract suite — not run: ${reason}\n`);
  describe.skip(`MongoDB idempotency store contract suite — not run: ${reason}`, () => {
    it('runs the idempotency store contract against MongoDB', () => undefined);
  });
} else {
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
  });
}
