import { randomBytes } from 'node:crypto';
import { suiteOnServer } from '@app/resilience/testing';
import { readStoreContract } from '../../testing/read-store.contract';
import { MongoReadStore } from './mongodb-read-store';

suiteOnServer(
  'MONGODB_URL',
  'MongoDB contract suite',
  'runs the read store contract against a MongoDB replica set',
  (url) => {
    // Each run works in a database of its own and drops it afterwards.
    const testDatabase = () => `read_store_test_${randomBytes(4).toString('hex')}`;
    const dropDatabase = (store: MongoReadStore) =>
      (store as unknown as { db: { dropDatabase(): Promise<unknown> } }).db.dropDatabase();

    readStoreContract('MongoReadStore', async () => {
      const dbName = testDatabase();
      const store = await MongoReadStore.connect(url, { dbName });
      return {
        store,
        // Another process: a client of its own, with its own remembered metadata.
        another: () => MongoReadStore.connect(url, { dbName }),
        cleanup: async () => {
          await dropDatabase(store);
          await store.close();
        },
      };
    });

    describe('MongoReadStore on a server', () => {
      let store: MongoReadStore;
      const dbName = testDatabase();

      beforeAll(async () => {
        store = await MongoReadStore.connect(url, { dbName });
        await store.ensureCollections([
          {
            name: 'timeline',
            arrayFields: ['memberIds'],
            indexes: [
              { name: 'by_time', fields: [{ field: 'occurredAt', order: 'desc' }] },
              { name: 'by_member', fields: [{ field: 'memberIds' }, { field: 'occurredAt', order: 'desc' }] },
            ],
          },
        ]);
        await store.applyBatch({
          changes: [
            {
              collection: 'timeline',
              upserts: Array.from({ length: 50 }, (_, i) => ({
                id: `e${i}`,
                occurredAt: `2012-${String(1 + (i % 12)).padStart(2, '0')}-01`,
                memberIds: [`m${i % 5}`],
              })),
            },
          ],
        });
      });

      afterAll(async () => {
        await dropDatabase(store);
        await store.close();
      });

      const stages = (plan: Record<string, unknown>): string[] => {
        const inner = [plan.inputStage, ...((plan.inputStages as unknown[]) ?? [])].filter(Boolean);
        return [String(plan.stage), ...inner.flatMap((p) => stages(p as Record<string, unknown>))];
      };

      it('serves the newest-first timeline page after a cursor from an index, without sorting in memory', async () => {
        const sort = [{ field: 'occurredAt', order: 'desc' as const }];
        const first = await store.find('timeline', { sort, limit: 10 });
        const plan = stages(
          await store.explainFind('timeline', { sort, limit: 10, after: first.nextCursor }),
        );
        expect(plan).toContain('IXSCAN');
        expect(plan).not.toContain('SORT');
      });

      it("serves a member's timeline from the multikey index", async () => {
        const plan = stages(
          await store.explainFind('timeline', {
            filter: { memberIds: 'm1' },
            sort: [{ field: 'occurredAt', order: 'desc' }],
            limit: 5,
          }),
        );
        expect(plan).toContain('IXSCAN');
      });
    });
  },
);
