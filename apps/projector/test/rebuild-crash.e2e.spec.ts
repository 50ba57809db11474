import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticNetwork } from '@app/contracts/testing/synthetic-network';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { buildApp } from '../../../test/support/built-app';
import { expectSameReadModels, REBUILD_CLI, rebuildAll } from './read-models-snapshot';

/**
 * The projector killed with SIGKILL at random moments during a rebuild on two lanes (two projections at a time, one
 * in a worker thread), and started again each time, ends with read models identical, document for document, to a
 * clean rebuild of the same events one projection after the other.
 */
const EVENTS = 20_000;
const KILLS = 10;

describe('Rebuilding the read models through crashes', () => {
  let dir: string;

  beforeAll(() => {
    // The rebuild runs as its own process, from the build, exactly as `npm run projections:rebuild` runs it.
    buildApp('projector');
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-crash-'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const seed = async (file: string) => {
    const db = openSqliteDatabase(file, { synchronous: 'NORMAL' });
    const store = new SqliteEventStore(db);
    for (const append of syntheticNetwork({ events: EVENTS, seed: 42 })) {
      await store.appendToStream(append.streamId, append.events, append.expectedRevision);
    }
    await store.close();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  };

  const rebuild = (file: string) =>
    spawn('node', [REBUILD_CLI, 'all', '--jobs', '2'], {
      env: { ...process.env, SQLITE_FILE: file, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });

  it(`survives ${KILLS} kills and ends identical to a clean rebuild`, async () => {
    const crashed = join(dir, 'crashed.db');
    const clean = join(dir, 'clean.db');
    await seed(crashed);
    copyFileSync(crashed, clean);

    // The reference: one projection after the other, in one thread; the crashed runs rebuild on two lanes.
    expect(rebuildAll(clean, 1)).toBe(0);

    let kills = 0;
    let random = 7;
    for (let attempt = 0; attempt < 40; attempt++) {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      const child = rebuild(crashed);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      if (kills < KILLS) {
        // Somewhere between start-up and well into the rebuild.
        await new Promise((resolve) => setTimeout(resolve, 300 + (random % 2500)));
        if (child.exitCode === null) {
          child.kill('SIGKILL');
          kills++;
        }
        await exited;
        continue;
      }
      expect(await exited).toBe(0);
      break;
    }

    expect(kills).toBe(KILLS);
    expect(existsSync(crashed)).toBe(true);
    await expectSameReadModels(crashed, clean);
  }, 300_000);
});
