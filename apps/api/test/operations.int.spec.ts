import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { groupCommitFor } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { SQLITE_DATABASE } from '@app/stores';
import type { Database } from 'better-sqlite3';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { loadProjectorConfig } from '../../projector/src/config/projector.config';
import { ProjectorAppModule } from '../../projector/src/projector-app.module';
import { ProjectorService } from '@app/projection-runtime';
import { CommandRunner } from '../src/commands/command-runner';
import { ApiHarness, joinMember, memberBody, until } from './api-harness';

/**
 * A gate on the api's event store: while closed, reads of the head wait for it to open, so a reading of the
 * projections' statuses that needs the head stays in flight for as long as a test wants.
 */
class HeadGate {
  heads = 0;
  private closed?: Promise<void>;
  private opener?: () => void;

  wrap = (store: EventStore): EventStore =>
    new Proxy(store, {
      get: (target, property) => {
        if (property === 'headPosition') {
          return async () => {
            this.heads++;
            await this.closed;
            return target.headPosition();
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

  close(): void {
    this.closed = new Promise((resolve) => (this.opener = resolve));
  }

  open(): void {
    this.opener?.();
    this.closed = undefined;
  }
}

/**
 * With the projector in its own process (here: its own Nest application on the same database), /health,
 * /projections and /metrics of the api show a projection falling behind while the projector is stopped, and
 * catching up when it runs again; /health and /metrics asked at the same time answer from one reading.
 */
describe('Operations: a projector that stops and starts again', () => {
  let api: ApiHarness;
  let projector: INestApplicationContext | undefined;
  /** Log lines of the api and the projector, as the apps hand them to their logger (pino in production). */
  const lines: { level: string; line: unknown; context?: string }[] = [];
  const capture = Object.fromEntries(
    ['log', 'warn', 'error', 'debug', 'verbose', 'fatal'].map((level) => [
      level,
      (line: unknown, context?: string) => lines.push({ level, line, context }),
    ]),
  ) as unknown as LoggerService;
  const logged = (match: (line: Record<string, unknown>) => boolean) =>
    lines.filter(
      (l) => typeof l.line === 'object' && l.line !== null && match(l.line as Record<string, unknown>),
    );

  const startProjector = async () => {
    const config = loadProjectorConfig({
      SQLITE_FILE: api.config.stores.sqliteFile,
      LOG_LEVEL: 'silent',
      PROJECTOR_PORT: '0',
    });
    projector = await NestFactory.createApplicationContext(ProjectorAppModule.forRoot(config), {
      logger: capture,
    });
    await projector.init();
  };
  const stopProjector = async () => {
    await projector?.close();
    projector = undefined;
  };

  const gate = new HeadGate();
  beforeAll(async () => {
    api = await ApiHarness.start({
      env: { EMBEDDED_PROJECTOR: 'false', HEALTH_MAX_LAG_EVENTS: '3' },
      wrapStores: { eventStore: gate.wrap },
    });
  });
  afterAll(async () => {
    await stopProjector();
    await api.stop();
  });

  const lagOf = async (projection: string) => {
    const text = (await api.request<string>('GET', '/metrics')).body;
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`slimmernetwerk_projection_lag_events{projection="${projection}"}`));
    return Number(line?.split(' ').pop());
  };
  const timelineLag = (health: { body: any }) => health.body.details?.projections?.timeline?.lagEvents;

  it('reports the lag in /health, /projections, /metrics and the logs, and the catching up', async () => {
    api.application.useLogger(capture);
    await startProjector();
    await joinMember(api);
    await until(async () => {
      const health = await api.request('GET', '/health');
      return health.status === 200 && timelineLag(health) === 0 && (await lagOf('timeline')) === 0;
    }, 'the projector caught up');

    await stopProjector();
    for (let i = 0; i < 4; i++) await joinMember(api);
    // The fifth with a correlation id of its own: the projector's log lines carry it.
    const traced = `trace-${randomUUID()}`;
    const fifth = await api.post(
      '/members',
      {
        memberId: randomUUID(),
        name: 'Daan Jansen',
        email: `${randomUUID()}@example.nl`,
        organisation: 'Provincie Utrecht',
        sector: 'provincie',
        role: 'professional',
      },
      { 'x-correlation-id': traced },
    );
    expect(fifth.status).toBe(201);

    await until(async () => {
      const health = await api.request('GET', '/health');
      return health.status === 503 && timelineLag(health) === 10;
    }, 'the api seeing the projector behind');

    // /health and /metrics at the same time: the scrape joins the reading the health check is taking (held open
    // at its read of the head until the scrape has asked too), so both tell the same lag from one reading.
    const projector = api.get(ProjectorService);
    const statuses = jest.spyOn(projector, 'statuses');
    const headsBefore = gate.heads;
    gate.close();
    const health = api.request('GET', '/health');
    await until(() => gate.heads === headsBefore + 1, "the health check's reading in flight");
    const scrape = api.request<string>('GET', '/metrics');
    // One call by the health check, one by each projection gauge of the scrape.
    await until(() => statuses.mock.calls.length >= 6, 'the scrape asking for the statuses');
    gate.open();
    const [checked, scraped] = await Promise.all([health, scrape]);
    statuses.mockRestore();
    expect(gate.heads).toBe(headsBefore + 1);
    expect(checked.status).toBe(503);
    expect(checked.body.error.projections.timeline).toMatchObject({ lagEvents: 10 });
    expect(scraped.body).toContain('slimmernetwerk_projection_lag_events{projection="timeline"} 10\n');
    expect(await lagOf('timeline')).toBe(10);
    const status = await api.request('GET', '/projections');
    expect(status.body.projections.find((p: { name: string }) => p.name === 'members')).toMatchObject({
      state: 'catching-up',
      lagEvents: 10,
    });

    expect(
      logged((l) => l.projection === 'timeline' && /falling behind: 10 events/.test(String(l.msg))),
    ).toHaveLength(1);

    const before = lines.length;
    await startProjector();
    await until(async () => {
      const health = await api.request('GET', '/health');
      return health.status === 200 && timelineLag(health) === 0 && (await lagOf('timeline')) === 0;
    }, 'the projector caught up again');
    expect(logged((l) => l.projection === 'timeline' && /has caught up/.test(String(l.msg)))).toHaveLength(1);
    // The projector: where it starts, each batch with its events' correlation ids, and that it caught up.
    const projectorLines = lines.slice(before);
    const timeline = (pattern: RegExp) =>
      projectorLines.filter(
        (l) =>
          (l.line as { projection?: string; msg?: string }).projection === 'timeline' &&
          pattern.test(String((l.line as { msg?: string }).msg)),
      );
    expect(timeline(/starting from position/)).toHaveLength(1);
    const batches = timeline(/applied \d+ events/);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((b) => b.level === 'debug')).toBe(true);
    expect(batches.flatMap((b) => (b.line as { correlationIds: string[] }).correlationIds)).toContain(traced);
    expect(timeline(/caught up at position/)).toHaveLength(1);
    const metrics = (await api.request<string>('GET', '/metrics')).body;
    expect(metrics).toMatch(/slimmernetwerk_commands_total\{command="JoinNetwork",outcome="accepted"\} 6/);
    expect(metrics).toMatch(/slimmernetwerk_events_appended_total\{type="MemberJoined"\} 6/);
    expect(metrics).toMatch(/slimmernetwerk_command_duration_seconds_bucket/);
  });
});

describe.each([
  ['in its worker thread', 'true', 'false'],
  ['on the main thread', 'false', 'false'],
  // The writes still waiting for their group are committed on the writer thread before it stops.
  ['in its worker thread, the writes on a writer thread', 'true', 'true'],
])('Operations: stopping the api with the embedded projector %s', (_where, thread, writerThread) => {
  it("finishes the commands in flight and stores the projector's checkpoints", async () => {
    const api = await ApiHarness.start({
      env: {
        EMBEDDED_PROJECTOR: 'true',
        EMBEDDED_PROJECTOR_THREAD: thread,
        SQLITE_WRITER_THREAD: writerThread,
      },
    });
    expect(api.get(ProjectorService).thread !== undefined).toBe(thread === 'true');
    const writes = groupCommitFor(api.get<Database>(SQLITE_DATABASE));
    expect(writes.writerThread !== undefined).toBe(writerThread === 'true');
    await joinMember(api);
    const head = (await api.get<EventStore>(EVENT_STORE).headPosition()) ?? 0;
    expect(await api.get(ProjectorService).waitForPosition(head, 10_000)).toBe(true);
    // Close once five commands are inside the write path, so some are surely in flight. Before the fix that sends
    // `Connection: close` on answers finished while closing, the close waited for the keep-alive timeout (72 s).
    const runner = api.get(CommandRunner);
    const run = runner.run.bind(runner);
    let inside = 0;
    let fiveInside!: () => void;
    const fiveAreInside = new Promise<void>((resolve) => (fiveInside = resolve));
    jest.spyOn(runner, 'run').mockImplementation((command) => {
      if (++inside === 5) fiveInside();
      return run(command);
    });
    const members = Array.from({ length: 40 }, () => randomUUID());
    const answers = members.map((memberId) =>
      api
        .post('/members', memberBody(memberId))
        .then((answer) => answer.status)
        .catch(() => 'not sent' as const),
    );
    await fiveAreInside;
    await api.application.close(); // what SIGTERM does (enableShutdownHooks in main.ts)
    const statuses = await Promise.all(answers);
    // Accepted before the close began: finished (201). Arriving after it: refused with 503 (Fastify, while
    // closing) or not sent at all; those wrote nothing.
    expect(statuses.filter((s) => s !== 201 && s !== 503 && s !== 'not sent')).toEqual([]);
    const acknowledged = members.filter((_, i) => statuses[i] === 201);
    const refused = members.filter((_, i) => statuses[i] !== 201);
    // A join runs the write path twice (the e-mail claim, then the member): five runs are three joins at least.
    expect(acknowledged.length).toBeGreaterThanOrEqual(3);

    const again = await ApiHarness.start({ dir: api.dir });
    try {
      const events = again.get<EventStore>(EVENT_STORE);
      for (const memberId of acknowledged) {
        expect(await events.streamRevision(streams.member(memberId))).toBe(0);
      }
      for (const memberId of refused) {
        expect(await events.streamRevision(streams.member(memberId))).toBeUndefined();
      }
      // The projector stored where it was: every checkpoint is at an event of the log, none beyond the head.
      const head = (await events.headPosition()) ?? 0;
      const checkpoints = await again.get<ReadStore>(READ_STORE).listCheckpoints();
      expect(checkpoints.length).toBeGreaterThanOrEqual(5);
      for (const checkpoint of checkpoints) {
        expect(checkpoint.position).toBeGreaterThan(0);
        expect(checkpoint.position).toBeLessThanOrEqual(head);
      }
    } finally {
      await again.stop();
    }
  });
});

describe('Operations: stopping the api while a client holds a busy connection', () => {
  it('cuts the connection after HTTP_SHUTDOWN_GRACE_MS, so the stop finishes', async () => {
    const api = await ApiHarness.start({ env: { HTTP_SHUTDOWN_GRACE_MS: '300' } });
    const server = api.application.getHttpServer() as Server;
    // A request whose body never comes: the connection is busy (not idle), so closing the server waits for it.
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(
      'POST /members HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"memberId":',
    );
    const connections = () => new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    await until(async () => (await connections()) === 1, 'the client connected');

    const started = Date.now();
    // Before the grace period the stop waited for the request (Node's requestTimeout: 300 s), past any deadline.
    const outcome = await Promise.race([
      api.stop().then(() => 'stopped' as const),
      new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 20_000).unref()),
    ]);
    expect(outcome).toBe('stopped');
    await closed;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});
