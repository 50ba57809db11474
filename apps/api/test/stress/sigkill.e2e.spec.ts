import { type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streams } from '@app/contracts';
import { type RecordedEvent } from '@app/event-store';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { verifyStore } from '@app/event-store/integrity';
import { eventIdFor } from '../../src/commands/deterministic-id';
import { TokenService } from '../../src/auth/tokens';
import { emailHashOf } from '../../src/members/email-hash';
import { buildApp, startBuilt } from '../../../../test/support/built-app';

/**
 * The API process killed with SIGKILL while clients write (2 kills in `npm test`, 10 with STRESS=1), on a real
 * file, as `npm start` runs it (built with `nest build api`). After every restart: every acknowledged command's
 * events are there; the store is consistent (no append half-done); every command that was not acknowledged can
 * be sent again with its Idempotency-Key and then exists exactly once; nothing else was written.
 */
const STRESS = process.env.STRESS === '1';
const KILLS = STRESS ? 10 : 2;
const WRITE_MS = STRESS ? 2500 : 1000;
const WRITERS = 8;
const SECRET = 'sigkill-test-secret-of-at-least-32-characters';
const EMAIL_HASH_KEY = 'sigkill-test-email-hash-key-of-32-characters';

interface Sent {
  key: string;
  method: 'POST';
  path: string;
  body: Record<string, unknown>;
  token: string;
  /** Streams it writes to, one event each, in order. */
  streams: string[];
  status?: number;
  answer?: { streamId: string; events: { id: string; type: string; revision: number }[] };
}

// Both shapes of the file of record's group commit: on the api thread, and on a writer thread.
describe.each(['false', 'true'])('The API killed during writes (SQLITE_WRITER_THREAD=%s)', (writerThread) => {
  let dir: string;
  let file: string;
  let tokens: TokenService;
  const sent: Sent[] = [];
  const acknowledgedMembers: string[] = [];
  let gatheringId: string;
  let coordinator: string;

  beforeAll(async () => {
    buildApp('api');
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-sigkill-'));
    file = join(dir, 'api.db');
    tokens = new TokenService({ secret: SECRET, audience: 'slimmernetwerk', roleClaim: 'role' });
    coordinator = await tokens.sign({ role: 'coordinator', sub: randomUUID() }, 3600);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = () =>
    startBuilt({
      main: 'api/src/main.js',
      portVariable: 'PORT',
      env: {
        PATH: process.env.PATH,
        SQLITE_FILE: file,
        DEMO_DATA: 'false',
        EMBEDDED_PROJECTOR: 'true',
        LOG_LEVEL: 'error',
        AUTH_JWT_SECRET: SECRET,
        EMAIL_HASH_KEY,
        RATE_LIMIT_MAX: '0',
        SQLITE_WRITER_THREAD: writerThread,
      },
    });

  const stop = async (child: ChildProcess, signal: NodeJS.Signals) => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };

  const send = async (url: string, command: Sent): Promise<void> => {
    try {
      const response = await fetch(`${url}${command.path}`, {
        method: command.method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${command.token}`,
          'idempotency-key': command.key,
        },
        body: JSON.stringify(command.body),
      });
      command.status = response.status;
      const body = (await response.json()) as Sent['answer'];
      if (response.status < 300) command.answer = body;
    } catch {
      // The connection died with the process: not acknowledged.
      command.status = undefined;
      command.answer = undefined;
    }
  };

  /** A new valid command: a member joins, or an acknowledged member proposes a Doetank or registers. */
  const nextCommand = async (): Promise<Sent> => {
    const key = `sigkill-${randomUUID()}`;
    const roll = Math.random();
    if (acknowledgedMembers.length < 5 || roll < 0.4) {
      const memberId = randomUUID();
      const email = `${memberId}@example.nl`;
      return {
        key,
        method: 'POST',
        path: '/members',
        body: {
          memberId,
          name: 'Lid',
          email,
          organisation: 'Gemeente',
          sector: 'gemeente',
          role: 'professional',
        },
        token: coordinator,
        streams: [streams.memberEmail(emailHashOf(EMAIL_HASH_KEY, email)), streams.member(memberId)],
      };
    }
    const member = acknowledgedMembers[Math.floor(Math.random() * acknowledgedMembers.length)];
    const token = await tokens.sign({ role: 'member', sub: member }, 3600);
    if (roll < 0.7) {
      const doetankId = randomUUID();
      return {
        key,
        method: 'POST',
        path: '/doetanks',
        body: { doetankId, title: 'T', problemStatement: 'P', proposedBy: member },
        token,
        streams: [streams.doetank(doetankId)],
      };
    }
    return {
      key,
      method: 'POST',
      path: `/gatherings/${gatheringId}/registrations`,
      body: { memberId: member },
      token,
      streams: [streams.gathering(gatheringId)],
    };
  };

  const readEverything = async (): Promise<{ events: RecordedEvent[]; problems: string[] }> => {
    const db = openSqliteDatabase(file);
    const store = new SqliteEventStore(db);
    try {
      const problems: string[] = [];
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
      const inconsistent = db
        .prepare(
          `SELECT s.stream_id, s.revision, COUNT(e.position) AS n, MAX(e.revision) AS last
             FROM streams s LEFT JOIN events e ON e.stream_id = s.stream_id
            GROUP BY s.stream_id HAVING n != s.revision + 1 OR last != s.revision
                OR s.hash IS NOT (SELECT hash FROM events WHERE stream_id = s.stream_id AND revision = s.revision)`,
        )
        .all();
      if (inconsistent.length > 0)
        problems.push(`streams out of step with events: ${JSON.stringify(inconsistent)}`);
      // Every hash chain whole: a kill mid-append leaves no event whose hash does not follow from the one before.
      const chains = await verifyStore(store);
      if (!chains.verified) problems.push(`hash chains: ${JSON.stringify(chains.problems)}`);
      const rows = db
        .prepare('SELECT event_id AS id, stream_id AS streamId, revision, type FROM events')
        .all();
      return { events: rows as RecordedEvent[], problems };
    } finally {
      await store.close();
      db.close();
    }
  };

  it(`keeps every acknowledged command and no half-written one (${KILLS} kills)`, async () => {
    // A gathering to register for, written before the first kill.
    {
      const { child, url } = await start();
      gatheringId = randomUUID();
      const schedule: Sent = {
        key: `sigkill-${randomUUID()}`,
        method: 'POST',
        path: '/gatherings',
        body: {
          gatheringId,
          kind: 'cafe',
          title: 'Café',
          startsAt: '2030-01-01T10:00:00Z',
          venue: 'V',
          capacity: 100_000,
        },
        token: coordinator,
        streams: [streams.gathering(gatheringId)],
      };
      await send(url, schedule);
      expect(schedule.status).toBe(201);
      sent.push(schedule);
      await stop(child, 'SIGTERM');
    }

    for (let round = 0; round < KILLS; round++) {
      const { child, url } = await start();
      const killAt = Date.now() + WRITE_MS / 2 + Math.random() * (WRITE_MS / 2);
      let dead = false;
      const killed = new Promise<void>((resolveKill) =>
        setTimeout(
          () => void stop(child, 'SIGKILL').then(() => ((dead = true), resolveKill())),
          killAt - Date.now(),
        ),
      );
      // The writers keep going until the process is gone: the commands in flight then are the interesting ones.
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (!dead) {
            const command = await nextCommand();
            sent.push(command);
            await send(url, command);
            if (command.status === 201 && command.path === '/members') {
              acknowledgedMembers.push(command.body.memberId as string);
            }
          }
        }),
      );
      await killed;

      const { events, problems } = await readEverything();
      expect(problems).toEqual([]);
      const byId = new Map(events.map((event) => [event.id, event]));
      // Every acknowledged command's events are there, where its answer said.
      for (const command of sent.filter((c) => c.answer)) {
        for (const event of command.answer!.events) {
          expect(byId.get(event.id)).toMatchObject({
            streamId: command.answer!.streamId,
            type: event.type,
            revision: event.revision,
          });
        }
      }
    }

    // After the last kill: send every command that was not acknowledged again, with its key.
    const { child, url } = await start();
    const unacknowledged = sent.filter((c) => c.status === undefined);
    for (const command of unacknowledged) await send(url, command);
    const retried = unacknowledged.map((c) => c.status);
    await stop(child, 'SIGTERM');
    expect(retried.filter((status) => status === undefined || status >= 500)).toEqual([]);

    const { events, problems } = await readEverything();
    expect(problems).toEqual([]);
    // Each command's events exist exactly once, and every event in the store belongs to a command that was sent.
    const expected = new Map<string, string>();
    // A join's e-mail claim has an id of its own (not derived from the key, which would link it to the member):
    // each claim stream of a join that was sent holds exactly one claim.
    const claimStreams = new Set<string>();
    for (const command of sent) {
      if (command.status !== undefined && command.status >= 400) continue; // refused: nothing written
      for (const stream of command.streams) {
        if (stream.startsWith('member_email-')) claimStreams.add(stream);
        else expected.set(eventIdFor(command.key, stream, 0), stream);
      }
    }
    const present = new Map(events.map((event) => [event.id, event.streamId]));
    const missing = [...expected].filter(([id]) => !present.has(id));
    expect(missing).toEqual([]);
    const unexpected = events.filter((event) =>
      event.streamId.startsWith('member_email-')
        ? !claimStreams.has(event.streamId)
        : expected.get(event.id) !== event.streamId,
    );
    expect(unexpected).toEqual([]);
    const claimsPerStream = new Map<string, string[]>();
    for (const event of events.filter((e) => claimStreams.has(e.streamId))) {
      claimsPerStream.set(event.streamId, [...(claimsPerStream.get(event.streamId) ?? []), event.type]);
    }
    expect(
      [...claimStreams].filter((stream) => claimsPerStream.get(stream)?.join() !== 'EmailClaimed'),
    ).toEqual([]);
    expect(present.size).toBe(events.length);
    process.stdout.write(
      `sigkill: ${KILLS} kills, ${sent.length} commands sent, ${sent.length - unacknowledged.length} acknowledged ` +
        `before a kill, ${unacknowledged.length} sent again, ${events.length} events\n`,
    );
  }, 300_000);
});
