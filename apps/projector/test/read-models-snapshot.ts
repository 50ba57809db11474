import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NETWORK_YEARS_COLLECTION } from '@app/contracts';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { ALL_PROJECTIONS } from '@app/projections';
import { readModels } from '@app/projections/testing/runner-stores';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { readModelsFileBeside } from '@app/stores';
import { ROOT } from '../../../test/support/built-app';

/** The built rebuild CLI (`npm run projections:rebuild`). */
export const REBUILD_CLI = join(ROOT, 'dist', 'apps', 'projector', 'src', 'rebuild.cli.js');

/** Rebuilds every read model of the events in `eventsFile` with the built CLI, waiting for it; returns its status. */
export function rebuildAll(eventsFile: string, jobs: number): number | null {
  return spawnSync(process.execPath, [REBUILD_CLI, 'all', '--jobs', String(jobs)], {
    env: { ...process.env, SQLITE_FILE: eventsFile, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  }).status;
}

/** Every document of every read model beside `eventsFile`, by logical collection, as canonical JSON. */
export async function snapshot(eventsFile: string): Promise<Record<string, string[]>> {
  const db = openSqliteDatabase(readModelsFileBeside(eventsFile));
  const reads = new SqliteReadStore(db);
  // Canonical at every depth: nested fields (a retrospective's figures, a checkpoint's details) count too.
  const result = await readModels(reads, ALL_PROJECTIONS);
  await reads.close();
  db.close();
  return result;
}

/** The read models beside `eventsFile` equal, document for document, those beside `referenceFile`. */
export async function expectSameReadModels(eventsFile: string, referenceFile: string): Promise<void> {
  const [actual, reference] = await Promise.all([snapshot(eventsFile), snapshot(referenceFile)]);
  for (const collection of Object.keys(reference)) {
    // Not a comparison of two empty sets; the synthetic log records no editorial events (a foreword, a
    // programme), so only the network-years collection stays empty.
    if (collection !== NETWORK_YEARS_COLLECTION) expect(reference[collection].length).toBeGreaterThan(0);
    expect({ collection, documents: actual[collection] }).toEqual({
      collection,
      documents: reference[collection],
    });
  }
}
