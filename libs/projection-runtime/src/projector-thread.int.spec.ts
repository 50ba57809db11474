import { Logger, type LoggerService } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { newEvent, uniqueStreamId } from '@app/event-store/testing';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { readStoresConfig, type StoresConfig } from '@app/stores';
import { ALL_PROJECTIONS } from '@app/projections';
import { ProjectorThread, type ProjectorThreadOptions } from './projector-thread';

/**
 * The embedded projector's worker thread on its own, against real SQLite files: this thread appends and reads
 * the statuses in memory, the worker runs every projection with its own connections.
 */
describe('ProjectorThread', () => {
  const names = ALL_PROJECTIONS.map((p) => p.name);
  let dir: string;
  let stores: StoresConfig;
  let db: Database;
  let events: SqliteEventStore;
  let thread: ProjectorThread | undefined;
  /** What the worker logged, as this thread's Nest logger received it. */
  const lines: { level: string; message: unknown; params: unknown[] }[] = [];
  const capture = Object.fromEntries(
    ['log', 'warn', 'error', 'debug', 'verbose', 'fatal'].map((level) => [
      level,
      (message: unknown, ...params: unknown[]) => lines.push({ level, message, params }),
    ]),
  ) as unknown as LoggerService;
  const structured = (match: (line: Record<string, unknown>) => boolean) =>
    lines
      .map((l) => ({ ...l, line: l.message as Record<string, unknown> }))
      .filter((l) => typeof l.line === 'object' && l.line !== null && match(l.line));

  beforeAll(() => Logger.overrideLogger(capture));
  beforeEach(() => {
    lines.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-thread-'));
    stores = readStoresConfig({ SQLITE_FILE: join(dir, 'test.db'), SQLITE_SYNCHRONOUS: 'NORMAL' }).config;
    db = openSqliteDatabase(stores.sqliteFile);
    events = new SqliteEventStore(db);
  });
  afterEach(async () => {
    await thread?.stop();
    thread = undefined;
    await events.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (options: Partial<ProjectorThreadOptions> = {}) => {
    thread = new ProjectorThread(names, 100, { stores, logLevel: 'debug', ...options }, events);
    await thread.start();
    return thread;
  };
  /** An event no projection handles: every runner still passes it, and logs its batch. */
  const append = (correlationId = `trace-${uniqueStreamId()}`) =>
    events.appendToStream(
      uniqueStreamId(),
      [newEvent('SomethingNoted', {}, { metadata: { correlationId } })],
      'any',
    );

  it('runs every projection in the worker; positions, states and log lines reach this thread', async () => {
    await append();
    const thread = await start();
    const traced = `trace-${uniqueStreamId()}`;
    const { position } = await append(traced);

    expect(await thread.waitForPosition(position, 10_000)).toBe(true);
    for (const name of names) expect(thread.position(name)).toBe(position);
    const statuses = await thread.statuses();
    expect(statuses.map((s) => s.name)).toEqual(names);
    for (const status of statuses) {
      expect(status).toMatchObject({ state: 'live', position, headPosition: position, lagEvents: 0 });
    }
    // With its statuses the worker reports its heap in use (the api's metrics show it).
    expect(thread.heapUsedBytes).toBeGreaterThan(1024 * 1024);
    // The worker's lines, structured as the runners wrote them, with the context of the projector and the thread.
    expect(
      structured((l) => l.projection === 'timeline' && /starting from position 0/.test(String(l.msg))),
    ).toEqual([
      expect.objectContaining({
        level: 'log',
        params: ['Projector'],
        line: expect.objectContaining({ thread: 'projector', position: 0 }),
      }),
    ]);
    const batches = structured(
      (l) => l.projection === 'timeline' && /applied \d+ events/.test(String(l.msg)),
    );
    expect(batches.every((b) => b.level === 'debug')).toBe(true);
    expect(batches.flatMap((b) => b.line.correlationIds as string[])).toContain(traced);
    // Nest's own start-up lines stay in the worker.
    expect(lines.filter((l) => l.params.includes('InstanceLoader'))).toEqual([]);
  });

  it('pauses the runners until resumed', async () => {
    const thread = await start();
    const first = await append();
    expect(await thread.waitForPosition(first.position, 10_000)).toBe(true);

    await thread.pause();
    expect((await thread.statuses()).map((s) => s.state)).toEqual(names.map(() => 'stopped'));
    const second = await append();
    expect(await thread.waitForPosition(second.position, 300)).toBe(false);
    const statuses = await thread.statuses();
    expect(statuses.every((s) => s.position === first.position && s.lagEvents === 1)).toBe(true);

    thread.resume();
    expect(await thread.waitForPosition(second.position, 10_000)).toBe(true);
  });

  it('stops the worker after the runners stored their checkpoints', async () => {
    const thread = await start();
    const { position } = await append();
    expect(await thread.waitForPosition(position, 10_000)).toBe(true);
    await thread.stop();

    expect((await thread.statuses()).map((s) => s.state)).toEqual(names.map(() => 'stopped'));
    const readDb = openSqliteDatabase(stores.sqliteReadModelsFile);
    try {
      const checkpoints = await new SqliteReadStore(readDb).listCheckpoints();
      expect(checkpoints.map((c) => c.position)).toEqual(names.map(() => position));
    } finally {
      readDb.close();
    }
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('reports every projection failed when the worker dies, and starts it again from the checkpoints', async () => {
    const thread = await start({ restartDelayMs: 50 });
    const before = await append();
    expect(await thread.waitForPosition(before.position, 10_000)).toBe(true);

    const dead = new Promise<void>((resolve) => {
      const check = setInterval(async () => {
        if ((await thread.statuses()).every((s) => s.state === 'failed')) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    await thread.terminateAbruptly();
    await dead;
    const failed = await thread.statuses();
    for (const status of failed) {
      expect(status).toMatchObject({
        position: before.position,
        error: expect.stringMatching(/ended unexpectedly/),
      });
    }
    expect(
      lines.filter((l) => l.level === 'error' && /ended unexpectedly/.test(JSON.stringify(l.message))),
    ).toHaveLength(1);

    const after = await append();
    expect(await thread.waitForPosition(after.position, 10_000)).toBe(true);
    expect((await thread.statuses()).every((s) => s.state === 'live' && s.error === undefined)).toBe(true);
    // The new worker started where the old one had stored its checkpoints.
    expect(
      structured(
        (l) =>
          l.projection === 'timeline' &&
          l.msg === `timeline: starting from position ${before.position} (version 1)`,
      ),
    ).toHaveLength(1);
  });

  it('runs the worker under its lease: a restarted worker resumes at once, another owner stands by', async () => {
    // A lease far longer than the test: a worker that had to wait for its predecessor's to expire would not resume.
    const lease = { owner: 'api-1', ttlMs: 120_000 };
    const thread = await start({ restartDelayMs: 50, lease });
    const before = await append();
    expect(await thread.waitForPosition(before.position, 10_000)).toBe(true);
    expect((await thread.statuses()).every((s) => s.lease?.held && s.lease.owner === 'api-1')).toBe(true);

    await thread.terminateAbruptly();
    const after = await append();
    expect(await thread.waitForPosition(after.position, 10_000)).toBe(true);
    expect((await thread.statuses()).every((s) => s.state === 'live' && s.lease?.held)).toBe(true);

    // A second api process on the same files: its projector waits, showing what the first has written.
    const second = new ProjectorThread(
      names,
      100,
      { stores, logLevel: 'silent', lease: { ...lease, owner: 'api-2' } },
      events,
    );
    try {
      await second.start();
      const last = await append();
      expect(await second.waitForPosition(last.position, 10_000)).toBe(true);
      for (const status of await second.statuses()) {
        expect(status).toMatchObject({
          state: 'standby',
          eventsApplied: 0,
          lease: { held: false, holder: 'api-1' },
        });
      }
    } finally {
      await second.stop();
    }
  });

  it('fails to start when the worker cannot open its stores', async () => {
    // A read models file below a plain file: its folder cannot be made.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const broken = { ...stores, sqliteReadModelsFile: join(dir, 'not-a-folder', 'read-models.db') };
    const thread = new ProjectorThread(names, 100, { stores: broken, logLevel: 'silent' }, events);
    await expect(thread.start()).rejects.toThrow(/mkdir/);
    await thread.stop();
  });
});
