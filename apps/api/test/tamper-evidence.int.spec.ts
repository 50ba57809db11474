import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { merkleRoot, StreamHeads, verifyStore } from '@app/event-store/integrity';
import { SQLITE_DATABASE } from '@app/stores';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../src/audit/audit.cli';
import { loadDemoDataOnFirstStart } from '../src/import/demo-data.loader';
import { answered, ApiHarness, memberBody, startedDoetank, until } from './api-harness';

/**
 * Tamper evidence end to end, as an auditor meets it: the store of a running api is copied, one copy is changed
 * directly in the SQLite file (one byte of an event's data; its business time; one event deleted), and both
 * `npm run audit:verify` (the same function, in-process) and GET /doetanks/:id/history say where.
 */
type Db = ReturnType<typeof openSqliteDatabase>;

describe('Tamper evidence', () => {
  let api: ApiHarness;
  let doetank: string;
  let member: string;
  const copies = mkdtempSync(join(tmpdir(), 'slimmernetwerk-tamper-'));
  afterAll(() => rmSync(copies, { recursive: true, force: true }));

  /** Runs the CLI on a file; its exit code and what it printed. */
  const audit = async (file: string, ...args: string[]) => {
    let out = '';
    let err = '';
    const code = await runAudit(args, {
      env: { SQLITE_FILE: file, LOG_LEVEL: 'silent' },
      out: (text) => (out += text),
      err: (text) => (err += text),
    });
    return { code, out, err };
  };

  /** A copy of the store (checkpointed), changed by `tamper` straight through SQL. */
  const tampered = (name: string, tamper: (db: Db) => void) => {
    const dir = join(copies, name);
    const file = join(dir, 'test.db');
    mkdirSync(dir);
    // Everything committed into the main file first, so that the copy holds it.
    api.get<Database>(SQLITE_DATABASE).pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(api.config.stores.sqliteFile, file);
    const db = openSqliteDatabase(file);
    tamper(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { dir, file };
  };

  const historyOf = async (dir: string) => {
    const copy = await ApiHarness.start({ dir });
    try {
      return (await answered(copy.request('GET', `/doetanks/${doetank}/history`))).body;
    } finally {
      await copy.stop({ keepFiles: true });
    }
  };

  const stream = () => streams.doetank(doetank);
  /** Replaces `from` (which must be there) by `to` in one column of the stream's event at `revision`. */
  const replaceIn =
    (column: 'data' | 'metadata', revision: number, from: string, to: string) =>
    (db: Db): void => {
      const { value } = db
        .prepare<[string, number], { value: string }>(
          `SELECT ${column} AS value FROM events WHERE stream_id = ? AND revision = ?`,
        )
        .get(stream(), revision)!;
      expect(value).toContain(from);
      db.prepare(`UPDATE events SET ${column} = ? WHERE stream_id = ? AND revision = ?`).run(
        value.replace(from, to),
        stream(),
        revision,
      );
    };

  beforeAll(async () => {
    api = await ApiHarness.start();
    member = randomUUID();
    await answered(api.post('/members', memberBody(member, { occurredAt: '2012-01-10T09:00:00Z' })), 201);
    doetank = await startedDoetank(api, { proposedBy: member, coachId: member });
    expect((await audit(api.config.stores.sqliteFile, 'seal')).code).toBe(0);
    await answered(api.post(`/doetanks/${doetank}/conclude`, { occurredAt: '2012-11-01T10:00:00Z' }));
  });
  afterAll(() => api?.stop());

  it('verifies an untouched store (exit 0) and says so in the history, with the seal covering it', async () => {
    const { code, out } = await audit(api.config.stores.sqliteFile, 'verify');
    expect(code).toBe(0);
    expect(out).toMatch(/^Verified: \d+ events in \d+ streams, 1 seal/);

    const { integrity, events } = (await answered(api.request('GET', `/doetanks/${doetank}/history?limit=1`)))
      .body;
    expect(events).toHaveLength(1);
    expect(integrity).toMatchObject({
      verified: true,
      unhashed: 0,
      head: { revision: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      // Sealed after the start (revision 2), before the conclusion.
      sealedBy: { sealRevision: 0, coversRevision: 2, root: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(integrity.brokenAt).toBeUndefined();
  });

  /** Each change made straight in the file, and the revision and words audit:verify must name. */
  const changes: { what: string; revision: number; says: string; tamper: (db: Db) => void }[] = [
    {
      what: 'one byte of an event’s data was changed',
      revision: 0,
      says: 'its hash does not match',
      tamper: replaceIn('data', 0, 'Droge voeten', 'Droga voeten'),
    },
    {
      what: 'an event’s business time was changed',
      revision: 2,
      says: 'its hash does not match',
      tamper: replaceIn(
        'metadata',
        2,
        '"occurredAt":"2012-03-01T10:00:00.000Z"',
        '"occurredAt":"2008-03-01T10:00:00.000Z"',
      ),
    },
    {
      what: 'an event was deleted',
      revision: 1,
      says: 'missing',
      tamper: (db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(stream()),
    },
  ];

  it.each(changes)('names the stream and revision when $what', async ({ what, revision, says, tamper }) => {
    const { dir, file } = tampered(what.replaceAll(/\W+/g, '-'), tamper);
    const { code, out } = await audit(file, 'verify');
    expect(code).toBe(1);
    expect(out).toContain(`NOT VERIFIED: stream ${stream()} revision ${revision} ${says}`);

    const { integrity } = await historyOf(dir);
    expect(integrity).toMatchObject({ verified: false, brokenAt: { revision } });
  });

  it('catches, through the seal, an event deleted at the end of a stream together with its head', async () => {
    // The chain alone cannot see a missing last event; the seal of the heads can.
    const { file } = tampered('deleted-head', (db) => {
      db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(stream());
      db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 3').run(stream());
    });
    const { code, out } = await audit(file, 'verify');
    expect(code).toBe(1);
    expect(out).toMatch(
      new RegExp(`NOT VERIFIED: stream ${streams.auditSeal} revision 0 seals position \\d+`),
    );
  });

  it('still verifies after a member is forgotten (the key goes, the sealed bytes stay)', async () => {
    await answered(api.post(`/members/${member}/forget`, { reason: 'Verzoek van betrokkene (AVG art. 17)' }));
    const { code, out } = await audit(api.config.stores.sqliteFile, 'verify');
    expect(out).toMatch(/^Verified: /);
    expect(code).toBe(0);
    const { integrity } = (await answered(api.request('GET', `/doetanks/${doetank}/history`))).body;
    expect(integrity.verified).toBe(true);
  });
});

describe('Seals written by the api itself (embedded projector)', () => {
  it('seals on its own after SEAL_EVERY_EVENTS events, and the store verifies', async () => {
    const api = await ApiHarness.start({
      env: { EMBEDDED_PROJECTOR: 'true', SEAL_EVERY_EVENTS: '3', SEAL_INTERVAL_SECONDS: '1' },
    });
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await api.post('/members', memberBody(randomUUID()));
        expect(answer.status).toBe(201);
      }
      const store = api.get<EventStore>(EVENT_STORE);
      await until(async () => (await store.streamRevision(streams.auditSeal)) !== undefined, 'a seal');
      const [seal] = await store.readStream(streams.auditSeal);
      expect(seal).toMatchObject({ type: 'StoreSealed', data: { streams: expect.any(Number) } });
      expect(await verifyStore(store)).toMatchObject({ verified: true, problems: [] });
    } finally {
      await api.stop();
    }
  });
});

/** The seal line of the English report (Markdown or HTML), as a reader would copy it. */
const SEAL_LINE =
  /Rests on seal (\d+) of the event log \(([^)]+)\): (\d+) events in (\d+) streams up to position (\d+), Merkle root ([0-9a-f]{64})/;

const sealOf = (page: string) => {
  const match = SEAL_LINE.exec(page);
  if (!match) return undefined;
  const [, revision, sealedAt, events, streamCount, position, root] = match;
  return {
    revision: Number(revision),
    sealedAt,
    events: Number(events),
    streams: Number(streamCount),
    position: Number(position),
    root,
  };
};

describe('The annual report and its seal', () => {
  const reportPage = async (api: ApiHarness, head: number, format = 'md') => {
    const page = await api.request(
      'GET',
      `/retrospectives/2012/report?lang=en&format=${format}&minPosition=${head}`,
    );
    expect(page.status).toBe(200);
    return page.body as string;
  };

  it('prints the seal it rests on, and that seal recomputes from the events', async () => {
    const api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await api.post(
          '/members',
          memberBody(randomUUID(), { occurredAt: '2012-05-01T10:00:00Z' }),
        );
        expect(answer.status).toBe(201);
      }
      const store = api.get<EventStore>(EVENT_STORE);
      expect(await reportPage(api, (await store.headPosition())!)).toContain(
        'The event log had no seal yet when this report was made.',
      );

      const sealed = await runAudit(['seal'], {
        env: { SQLITE_FILE: api.config.stores.sqliteFile, LOG_LEVEL: 'silent' },
        out: () => undefined,
        err: () => undefined,
      });
      expect(sealed).toBe(0);
      // One more event after the seal: the report rests on the seal, not on the newest event.
      await api.post('/members', memberBody(randomUUID(), { occurredAt: '2012-06-01T10:00:00Z' }));
      const head = (await store.headPosition())!;
      const markdown = await reportPage(api, head);
      expect(markdown).toContain('4 members joined in 2012');
      const seal = sealOf(markdown)!;
      expect(seal).toMatchObject({ revision: 0 });
      expect(sealOf(await reportPage(api, head, 'html'))).toEqual(seal);

      // Recomputed from the events: the heads of every stream up to the seal's position.
      const heads = new StreamHeads();
      for (const event of await store.readAll({ maxCount: 10_000 })) {
        if (event.position <= seal.position) heads.apply(event);
      }
      expect(heads.position).toBe(seal.position);
      expect(merkleRoot(heads.heads)).toBe(seal.root);
      expect(heads.heads.size).toBe(seal.streams);
      expect(heads.events).toBe(seal.events);
      // The query itself stays on the read store: no seal there.
      expect(
        (await api.request('GET', `/retrospectives/2012?minPosition=${head}`)).body.seal,
      ).toBeUndefined();
    } finally {
      await api.stop();
    }
  });

  it('shows the demo year’s 2012 report with the seal written after the demo load, and the store verifies', async () => {
    const api = await ApiHarness.start({
      env: {
        EMBEDDED_PROJECTOR: 'true',
        DEMO_DATA: 'true',
        DEMO_DATA_FILE: join(__dirname, '..', '..', '..', 'data', 'demo', 'slimmernetwerk-2012.ndjson'),
      },
    });
    try {
      const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
      const { report: loaded } = await loadDemoDataOnFirstStart(api.application, api.config, quiet);
      expect(loaded?.refused).toEqual([]);
      const store = api.get<EventStore>(EVENT_STORE);
      const [sealEvent] = await store.readStream(streams.auditSeal);
      const head = (await store.headPosition())!;
      // The seal is the store's last event: it covers the whole demo year.
      expect(sealEvent.position).toBe(head);

      const seal = sealOf(await reportPage(api, head));
      expect(seal).toMatchObject({ revision: 0, root: (sealEvent.data as { root: string }).root });

      const verified = await runAudit(['verify'], {
        env: { SQLITE_FILE: api.config.stores.sqliteFile, LOG_LEVEL: 'silent' },
        out: () => undefined,
        err: () => undefined,
      });
      expect(verified).toBe(0);
    } finally {
      await api.stop();
    }
  }, 180_000);
});
