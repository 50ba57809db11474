import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { tempSqliteFile } from '@app/event-store/testing/sqlite-files';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personalDataVaultContract } from '../../testing/personal-data-vault.contract';
import { SqlitePersonalDataVault } from './sqlite-personal-data.vault';

personalDataVaultContract('SqlitePersonalDataVault', async () => {
  const db = openSqliteDatabase(':memory:');
  return { vault: new SqlitePersonalDataVault(db), cleanup: async () => void db.close() };
});

personalDataVaultContract('SqlitePersonalDataVault (keys written on a writer thread)', async () => {
  const { db, cleanup } = tempSqliteFile({ writerThread: true });
  return { vault: new SqlitePersonalDataVault(db), cleanup };
});

describe('SqlitePersonalDataVault on a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vault-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const filesContain = (file: string, needle: Buffer): string[] =>
    [file, `${file}-wal`].filter((f) => {
      try {
        return readFileSync(f).includes(needle);
      } catch {
        return false;
      }
    });

  it('leaves no copy of a destroyed key in the database file or its write-ahead log', async () => {
    const file = join(dir, 'vault.db');
    const db = openSqliteDatabase(file);
    const vault = new SqlitePersonalDataVault(db);
    // Many keys, so pages split and cells move: stale copies inside pages are what VACUUM has to remove.
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const keys = new Map<string, Buffer>();
    for (const id of ids) keys.set(id, await vault.keyFor(id));
    const doomed = ids.filter((_, i) => i % 30 === 0);
    expect(doomed.some((id) => filesContain(file, keys.get(id)!).length > 0)).toBe(true);

    for (const id of doomed) await vault.destroy(id, new Date());
    for (const id of doomed) expect(filesContain(file, keys.get(id)!)).toEqual([]);
    db.close();
    for (const id of doomed) expect(filesContain(file, keys.get(id)!)).toEqual([]);
    // The other keys are still there and still the same.
    const again = openSqliteDatabase(file);
    expect((await new SqlitePersonalDataVault(again).keyFor(ids[1])).equals(keys.get(ids[1])!)).toBe(true);
    again.close();
  });

  it('keeps keys and tombstones across a reopen', async () => {
    const file = join(dir, 'vault.db');
    let db = openSqliteDatabase(file);
    let vault = new SqlitePersonalDataVault(db);
    const [kept, destroyed] = [randomUUID(), randomUUID()];
    const key = await vault.keyFor(kept);
    await vault.destroy(destroyed, new Date('2013-01-01T00:00:00Z'));
    db.close();
    db = openSqliteDatabase(file);
    vault = new SqlitePersonalDataVault(db);
    expect((await vault.keyFor(kept)).equals(key)).toBe(true);
    expect((await vault.lookup([destroyed])).get(destroyed)?.status).toBe('destroyed');
    db.close();
  });
});
