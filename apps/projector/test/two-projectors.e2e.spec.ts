import { type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { syntheticNetwork } from '@app/contracts/testing/synthetic-network';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS } from '@app/projections';
import { buildApp, startBuilt } from '../../../test/support/built-app';
import { expectSameReadModels, rebuildAll } from './read-models-snapshot';

/**
 * Two projector processes (the built app, as `npm run start:projector` runs it) on the same embedded stores, the
 * SQLite files shared between them, with a lease of 2 s per projection:
 * - per projection exactly one applies the events: the counts of applied events in their /metrics add up to the
 *   log (a count is of events written, and only the lease's holder can write);
 * - the active one killed with SIGKILL while it catches up, the other takes over every projection it held within
 *   the lease time (plus a margin for a busy machine), from the stored checkpoints;
 * - the read models end identical, document for document, to a clean rebuild of the same events.
 * Every wait polls /metrics for a condition.
 */
const LEASE_SECONDS = 2;
/** Beyond the lease: the standby's next try, a scrape, a busy two-core machine. */
const HANDOVER_MARGIN_MS = 8_000;
const FIRST_EVENTS = 3_000;
const MORE_EVENTS = 2_000;
const BATCH_SIZE = 200;
const NAMES = ALL_PROJECTIONS.map((p) => p.name);

interface Projector {
  name: string;
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output: string[];
}

/** Per projection, the figures of one projector's /metrics. */
interface Figures {
  applied: number;
  position: number;
  held: number;
  acquisitions: number;
  live: number;
}

const until = async <T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('Two projector processes on the same stores', () => {
  let dir: string;
  let file: string;
  let db: Database;
  let events: SqliteEventStore;
  const running: Projector[] = [];

  beforeAll(() => {
    buildApp('projector');
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-two-projectors-'));
    file = join(dir, 'shared.db');
    db = openSqliteDatabase(file, { synchronous: 'NORMAL' });
    events = new SqliteEventStore(db);
  }, 120_000);

  afterAll(async () => {
    for (const projector of running) {
      if (projector.child.exitCode === null && projector.child.signalCode === null) {
        projector.child.kill('SIGKILL');
        await projector.exited;
      }
    }
    await events?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const log = [...syntheticNetwork({ events: FIRST_EVENTS + MORE_EVENTS, seed: 14 })];
  /** Appends the synthetic log's appends from `from` while fewer than `count` events went in; returns the next. */
  const appendFrom = async (from: number, count: number) => {
    let appended = 0;
    let i = from;
    for (; i < log.length && appended < count; i++) {
      await events.appendToStream(log[i].streamId, log[i].events, log[i].expectedRevision);
      appended += log[i].events.length;
    }
    return { next: i, appended };
  };
  const head = async () => (await events.headPosition()) ?? 0;
  const eventCount = () => db.prepare('SELECT count(*) FROM events').pluck().get() as number;

  const start = async (name: string): Promise<Projector> => ({
    name,
    ...(await startBuilt({
      main: 'projector/src/main.js',
      portVariable: 'PROJECTOR_PORT',
      timeoutMs: 60_000,
      env: {
        ...process.env,
        SQLITE_FILE: file,
        SQLITE_SYNCHRONOUS: 'NORMAL',
        PROJECTOR_BATCH_SIZE: String(BATCH_SIZE),
        PROJECTION_LEASE_SECONDS: String(LEASE_SECONDS),
        LOG_LEVEL: 'info',
      },
      spawned: (started) => running.push({ name, ...started }),
    })),
  });

  const figures = async (projector: Projector): Promise<Map<string, Figures>> => {
    const text = await (await fetch(`${projector.url}/metrics`)).text();
    const metric = (series: string, projection: string, extra = '') => {
      const prefix = `slimmernetwerk_projection_${series}{projection="${projection}"${extra}} `;
      const line = text.split('\n').find((l) => l.startsWith(prefix));
      if (line === undefined) throw new Error(`${projector.name}: no ${prefix}`);
      return Number(line.slice(prefix.length));
    };
    return new Map(
      NAMES.map((name) => [
        name,
        {
          applied: metric('events_applied_total', name),
          position: metric('position', name),
          held: metric('lease_held', name),
          acquisitions: metric('lease_acquisitions_total', name),
          live: metric('state', name, ',state="live"'),
        },
      ]),
    );
  };

  /** Both answer, every projection is held by one of them and live at `position` there: returns their figures. */
  const settledAt = (projectors: Projector[], position: number, what: string, ms = 120_000) =>
    until(what, ms, async () => {
      const all = await Promise.all(projectors.map(figures));
      for (const name of NAMES) {
        const holders = all.filter((f) => f.get(name)!.held === 1);
        if (holders.length !== 1) return undefined;
        const { position: at, live } = holders[0].get(name)!;
        if (at !== position || live !== 1) return undefined;
      }
      return all;
    });

  it('applies each batch once, hands over within the lease time after SIGKILL, and ends as a clean rebuild', async () => {
    const first = await appendFrom(0, FIRST_EVENTS);
    const firstHead = await head();
    const firstCount = eventCount();

    // Both start together and compete for every lease.
    const [a, b] = await Promise.all([start('a'), start('b')]);
    const caughtUp = await settledAt([a, b], firstHead, 'every projection caught up, held by one projector');
    for (const name of NAMES) {
      const [fa, fb] = caughtUp.map((f) => f.get(name)!);
      // Exactly one applied each batch: the events written by both add up to the log, no more.
      expect({ name, applied: fa.applied + fb.applied }).toEqual({ name, applied: firstCount });
      expect(fa.held + fb.held).toBe(1);
      // Whoever waits shows the position the other wrote (its standby reads the checkpoint).
      await until(`${name}: the standby at the head`, 10_000, async () =>
        (await Promise.all([a, b].map(figures))).every((f) => f.get(name)!.position === firstHead)
          ? true
          : undefined,
      );
    }

    // More events, and the projector holding the most leases is killed while it catches up.
    const held = (f: Map<string, Figures>) => NAMES.filter((n) => f.get(n)!.held === 1);
    const [victim, survivor] = held(caughtUp[0]).length >= held(caughtUp[1]).length ? [a, b] : [b, a];
    const victimLeases = held(await figures(victim));
    expect(victimLeases.length).toBeGreaterThan(0);
    const before = await Promise.all([victim, survivor].map(figures));
    await appendFrom(first.next, MORE_EVENTS);
    const finalHead = await head();
    const finalCount = eventCount();
    // What the victim had written of the new events when last asked (it may write a little more before it dies).
    await until('the victim applying the new events', 30_000, async () =>
      (await figures(victim)).get(victimLeases[0])!.applied > before[0].get(victimLeases[0])!.applied
        ? true
        : undefined,
    );
    const victimLast = await figures(victim);
    victim.child.kill('SIGKILL');
    const killedAt = Date.now();
    await victim.exited;

    // The survivor holds every lease within the lease time, plus a margin.
    await until('the survivor holding every lease', LEASE_SECONDS * 1000 + HANDOVER_MARGIN_MS, async () =>
      [...(await figures(survivor)).values()].every((f) => f.held === 1) ? true : undefined,
    );
    const handoverMs = Date.now() - killedAt;
    const after = (await settledAt([survivor], finalHead, 'the survivor caught up alone'))[0];
    for (const name of NAMES) {
      const survivorApplied = after.get(name)!.applied - before[1].get(name)!.applied;
      const victimApplied = victimLast.get(name)!.applied - before[0].get(name)!.applied;
      // The survivor applied what the victim had not written: with what the victim was seen writing, at most the
      // new events (the survivor starts from the stored checkpoint, so nothing written is applied again).
      expect(survivorApplied + victimApplied).toBeLessThanOrEqual(finalCount - firstCount);
      expect(after.get(name)!.acquisitions - before[1].get(name)!.acquisitions).toBe(
        victimLeases.includes(name) ? 1 : 0,
      );
    }
    process.stdout.write(
      `two projectors: ${finalCount} events; ${victimLeases.length} leases handed over ${handoverMs} ms after SIGKILL ` +
        `(lease ${LEASE_SECONDS} s)\n`,
    );

    // A graceful stop stores the checkpoints; then a clean rebuild of the same events, compared document by document.
    // Ended by process.exit after the shutdown hooks (code 0, not the signal re-raised), so the 'exit' event
    // flushed the logger's last lines.
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    expect(survivor.output.join('')).toContain('Projections stopped; checkpoints stored');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const clean = join(dir, 'clean.db');
    copyFileSync(file, clean);
    expect(rebuildAll(clean, 1)).toBe(0);
    await expectSameReadModels(file, clean);
  }, 300_000);
});
