import { MongoClient, type Db } from 'mongodb';
import { randomBytes } from 'node:crypto';

/**
 * A database of its own on the MongoDB server at `url`, for one run of a contract suite (named `<prefix>_<random>`);
 * `drop()` removes it and closes the client.
 */
export const scratchMongoDatabase = async (
  url: string,
  prefix: string,
): Promise<{ db: Db; drop: () => Promise<void> }> => {
  const client = await MongoClient.connect(url);
  const db = client.db(`${prefix}_${randomBytes(4).toString('hex')}`);
  return {
    db,
    drop: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
};
