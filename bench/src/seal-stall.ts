import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { StoreSealer } from '@app/event-store/integrity';

/**
 * What one seal costs the thread that writes it (the api's, in the embedded mode): on a copy of a store, seals it
 * `rounds` times (an event appended between seals, so each has something to seal) and reports each seal's wall time
 * and the longest the event loop was held meanwhile (monitorEventLoopDelay, 1 ms resolution): what a request
 * arriving during the seal waits at most beyond its own work.
 *
 * `node dist/bench/src/seal-stall.js <store.db> [rounds]` (build: `node tools/build.mjs bench/src`).
 */
async function main(file: string, rounds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-seal-'));
  try {
    copyFileSync(file, join(dir, 'store.db'));
    const db = openSqliteDatabase(join(dir, 'store.db'), { synchronous: 'FULL' });
    const store = new SqliteEventStore(db);
    const streams = db.prepare('SELECT count(*) FROM streams').pluck().get() as number;
    for (let i = 0; i < rounds; i++) {
      const at = new Date().toISOString();
      const probe = {
        id: randomUUID(),
        type: 'SealStallProbe',
        data: { i },
        metadata: {
          occurredAt: at,
          recordedAt: at,
          actorId: 'seal-stall',
          correlationId: randomUUID(),
          causationId: randomUUID(),
          schemaVersion: 1,
        },
      };
      await store.appendToStream(`seal-stall-${i}`, [probe], 'no_stream');
      const sealer = new StoreSealer(store);
      await sealer.catchUp();
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      const started = performance.now();
      await sealer.seal();
      const ms = performance.now() - started;
      delay.disable();
      console.log(
        `${streams} streams: seal ${ms.toFixed(1)} ms, event loop held at most ${(delay.max / 1e6).toFixed(1)} ms ` +
          `(p99 of the delays ${(delay.percentile(99) / 1e6).toFixed(1)} ms)`,
      );
    }
    await store.close();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [file, rounds] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node dist/bench/src/seal-stall.js <store.db> [rounds]');
  process.exit(2);
}
main(file, Number(rounds ?? 3)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
