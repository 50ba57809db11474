import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { personalDataVaultContract } from '../../testing/personal-data-vault.contract';
import { MongoPersonalDataVault } from './mongodb-personal-data.vault';

const url = process.env.MONGODB_URL;

if (!url) {
  // Not run, and said so (as the read store's MongoDB suite): it needs a MongoDB server; see docs/production.md.
  const reason = 'MONGODB_URL is not set (see docs/production.md)';
  process.stderr.write(`MongoDB personal data vault contract suite — not run: ${reason}\n`);
  describe.skip(`MongoDB personal data vault contract suite — not run: ${reason}`, () => {
    it('runs the personal data vault contract against MongoDB', () => undefined);
  });
} else {
  personalDataVaultContract('MongoPersonalDataVault', async () => {
    const client = await MongoClient.connect(url);
    const db = client.db(`vault_test_${randomBytes(4).toString('hex')}`);
    return {
      vault: new MongoPersonalDataVault(db),
      cleanup: async () => {
        await db.dropDatabase();
        await client.close();
      },
    };
  });
}
