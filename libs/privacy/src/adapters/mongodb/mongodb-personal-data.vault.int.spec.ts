import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { suiteOnServer } from '@app/resilience/testing';
import { personalDataVaultContract } from '../../testing/personal-data-vault.contract';
import { MongoPersonalDataVault } from './mongodb-personal-data.vault';

suiteOnServer(
  'MONGODB_URL',
  'MongoDB personal data vault contract suite',
  'runs the personal data vault contract against MongoDB',
  (url) =>
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
    }),
);
