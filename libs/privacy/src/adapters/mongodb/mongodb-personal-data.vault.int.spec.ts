import { suiteOnServer } from '@app/resilience/testing';
import { scratchMongoDatabase } from '@app/resilience/testing/mongo-scratch';
import { personalDataVaultContract } from '../../testing/personal-data-vault.contract';
import { MongoPersonalDataVault } from './mongodb-personal-data.vault';

suiteOnServer(
  'MONGODB_URL',
  'MongoDB personal data vault contract suite',
  'runs the personal data vault contract against MongoDB',
  (url) =>
    personalDataVaultContract('MongoPersonalDataVault', async () => {
      const { db, drop } = await scratchMongoDatabase(url, 'vault_test');
      return { vault: new MongoPersonalDataVault(db), cleanup: drop };
    }),
);
