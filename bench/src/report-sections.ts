import { COMMAND_KINDS, type LoadResult } from './commands';
import { ratioTable } from './baselines/report-baselines';
import { int, mb, ms, perSecond, ratio } from './format';
import { latencyCells, mdTable, para, section } from './report-markdown';
import type { BenchResults } from './results';
import type { AppendRun } from './workers/appends.worker';

// The sections of docs/benchmarks.md on each part of a run; each is empty when the run left its part out.

/** The commands part: every load with its status codes, and each figure against each baseline. */
export function commandsSection(r: BenchResults): string[] {
  if (!r.commands) return [];
  const c = r.commands;
  const codes = (byStatus: Record<string, number>) =>
    Object.entries(byStatus)
      .map(([code, n]) => `${code}: ${int(n)}`)
      .join(', ');
  const loadRow = (name: string, load: LoadResult) => [
    name,
    int(load.requests),
    int(load.acceptedPerSecond),
    ms(load.latencyMs.p50),
    ms(load.latencyMs.p90),
    ms(load.latencyMs.p99),
    ms(load.latencyMs.max),
    codes(load.statusCodes),
    `${load.errors}, ${load.timeouts}`,
  ];
  return section(
    'Commands over HTTP',
    para(
      `${c.connections} connections for ${c.seconds} s each, after a warm-up, with autocannon against the real app`,
      `on 127.0.0.1 (embedded mode: SQLite, the projections in the api process), on a copy of the ${r.size} store`,
      `with its projections caught up. The mix, round-robin: ${COMMAND_KINDS.join(', ')}; every request has`,
      `fresh ids and an Idempotency-Key. Made beforehand through the API: ${int(c.pools.members)} members,`,
      `${c.pools.doetanks} started Doetanks, ${c.pools.gatherings} gatherings. Every request carries a coordinator`,
      "bearer token (HS256, made with the api's TokenService), which the api verifies (its signature once a",
      'minute: verified tokens are remembered, never past their expiry); the bare endpoint is not behind the guards. Rate limiting stays on, with a budget of 1,000,000 requests a second',
      "that the load never reaches (a window of one second keeps the limiter's memory of hits to one second of the load; each load has its own coordinator, so its own bucket).",
    ),
    para(
      'Three baselines in the same run. The bare route: the same bodies to `POST /bench/noop`, a plain Fastify',
      "route on the api's Fastify instance. The framework floor: the same mix to the command routes' paths under",
      '`/bench/floor`, routes mounted in the same app with the same request DTOs, access decorators and status',
      'codes, so every request passes the global guards (token, access, rate limit), the validation pipe, the',
      'idempotency interceptor and the problem-details filter; each makes its id and command metadata and answers',
      'a made-up acceptance: nothing read, decided or appended, and no Idempotency-Key (the interceptor writes no',
      "record). The peer: the two commands it implements (join network, propose Doetank) through Emmett's",
      '`CommandHandler` and its SQLite event store (`@event-driven-io/emmett-sqlite`), behind the same app, guards,',
      'DTOs and pipe, in an api process of its own after ours has ended, with the same connections, seconds and',
      `bodies (no Idempotency-Key);${c.peer ? ` ${int(c.peer.members)} members made through it beforehand as proposers;` : ''}`,
      'our api gets the same two commands alone (with an Idempotency-Key, as the mix) for the comparison.',
    ),
    mdTable(
      ['', 'requests', 'accepted/s', 'p50', 'p90', 'p99', 'max', 'status codes', 'errors, timeouts'],
      [
        loadRow('bare endpoint (POST /bench/noop)', c.noop),
        ...(c.floor ? [loadRow('framework floor (POST /bench/floor/...)', c.floor)] : []),
        loadRow('commands', c.commands),
        ...(c.peerKinds ? [loadRow('commands: join network, propose Doetank', c.peerKinds)] : []),
        ...(c.peer ? [loadRow('peer: Emmett (POST /bench/emmett/...)', c.peer.load)] : []),
      ],
    ),
    'Each figure against each baseline:',
    mdTable(ratioTable(c).header, ratioTable(c).body),
    ...(c.peer
      ? [
          para(
            `Emmett's store answered SQLITE_BUSY ${int(c.peer.busyRetries)} times during the peer's loads, each`,
            'tried again (the section "Side by side with Emmett" says why it happens).',
          ),
        ]
      : []),
  );
}

/** The appends part: the adapter against raw better-sqlite3, and the chain hash alone. */
export function appendsSection(r: BenchResults): string[] {
  if (!r.appends) return [];
  const a = r.appends;
  const appendRow = (name: string, run: AppendRun) => [
    name,
    int(run.eventsPerSecond),
    int(run.appendsPerSecond),
    ...latencyCells(run.latency),
  ];
  return section(
    'Appends in-process',
    para(
      `The first ${int(a.events)} generated events (${int(a.appends)} appends), each side into a fresh file with`,
      `WAL and synchronous ${a.synchronous}, in chunks of 500 appends that alternate which side goes first.`,
    ),
    mdTable(
      ['', 'events/s', 'appends/s', 'per append p50', 'p95', 'p99', 'max'],
      [
        appendRow('SqliteEventStore.appendToStream (hashing)', a.store),
        appendRow('raw better-sqlite3, same rows and tables', a.raw),
        ...(a.rawHashed ? [appendRow('raw better-sqlite3 with the chain hash', a.rawHashed)] : []),
      ],
    ),
    ...(a.hashMicrosPerEvent === undefined
      ? []
      : [
          para(
            `The chain hash alone (SHA-256 over the stored JSON of one event, the JSON already serialised)`,
            `costs ${a.hashMicrosPerEvent.toFixed(1)} µs per event on this machine.`,
          ),
        ]),
  );
}

/** The rebuild part: per projection, the rebuild against its baseline's read and write. */
export function rebuildSection(r: BenchResults): string[] {
  if (!r.rebuild) return [];
  const b = r.rebuild;
  return section(
    'Projector rebuild',
    para(
      `Every projection rebuilt from position 0 to the head (${int(b.run.head)}) as \`npm run`,
      `projections:rebuild -- all\` does, in a process of its own, on ${b.run.lanes} lane(s): this thread`,
      'and worker threads, each rebuilding one projection at a time, those reading more event types first. Each',
      'reads only the event types it handles (the store skips the others), and its events/s are the events of',
      'the log ÷ its time. The baseline, in another fresh process, on one thread: per projection, reading the events of the types it handles once',
      'through readAll, plus writing its final documents once with plain INSERTs into fresh tables of the same',
      'shape, indexes built after the inserts, as the rebuild builds them (the write column includes that). For',
      `scale: the whole log reads in ${b.baseline.read.seconds.toFixed(2)} s (${int(b.baseline.read.events)}`,
      'events).',
    ),
    mdTable(
      [
        'projection',
        'rebuild',
        'events/s',
        'events handled',
        'documents',
        'baseline (read + write)',
        'baseline events/s',
        'ratio',
      ],
      b.run.projections.map((p) => {
        const w = b.baseline.writes.find((x) => x.name === p.name);
        const baseSeconds = (w?.readSeconds ?? 0) + (w?.seconds ?? 0);
        return [
          p.name,
          `${p.seconds.toFixed(2)} s`,
          int(perSecond(p.events, p.seconds)),
          int(p.handled ?? p.events),
          int(w?.documents ?? 0),
          `${(w?.readSeconds ?? 0).toFixed(2)} + ${(w?.seconds ?? 0).toFixed(2)} s`,
          int(perSecond(p.events, baseSeconds)),
          ratio(perSecond(p.events, p.seconds), perSecond(p.events, baseSeconds)),
        ];
      }),
    ),
    para(
      `Peak RSS of the rebuilding process (all its threads): ${mb(b.run.peakRssBytes)} (${mb(b.run.idleRssBytes)}`,
      'with the stores and lanes open, before the first event).',
    ),
  );
}

/** The queries part: server-side and HTTP latency of each query and of the bare endpoint. */
export function queriesSection(r: BenchResults): string[] {
  if (!r.queries) return [];
  const q = r.queries;
  return section(
    'Query latency',
    para(
      `${q.cases[0]?.server.count ?? 0} requests per query, one after the other, after a warm-up. Server-side:`,
      'the QueryBus call in the api process. HTTP: a keep-alive client on the same machine; the bare endpoint',
      `(GET /bench/noop) is the floor of that path. The timeline holds ${int(q.timelineEntries)} entries; the`,
      `deep page is page ${q.deepPage} (20 entries a page).`,
    ),
    mdTable(
      ['query', 'path', 'server p50', 'p95', 'p99', 'max', 'HTTP p50', 'p95', 'p99', 'max'],
      [
        ...q.cases.map((c) => [
          c.name,
          `\`${shortPath(c.path)}\``,
          ...latencyCells(c.server),
          ...latencyCells(c.http),
        ]),
        ['bare endpoint', '`/bench/noop`', '', '', '', '', ...latencyCells(q.bareHttp)],
      ],
    ),
  );
}

/** The peer comparison: appends and stream reads through our store and Emmett's. */
export function peerSection(r: BenchResults): string[] {
  if (!r.peer) return [];
  const p = r.peer;
  return section(
    'Side by side with Emmett',
    para(
      `The first ${int(p.events)} generated events (${int(p.appends)} appends on ${int(p.streams)} streams)`,
      "through each store into a fresh file, then every stream read back whole (the counts are checked). Emmett's",
      '`@event-driven-io/emmett-sqlite` 0.38.5 runs on the `sqlite3` driver (asynchronous, on the libuv thread',
      'pool); for a file, `getSQLiteEventStore` opens and closes a connection on every call, so it is also',
      'measured through its `appendToStream`/`readStream` functions on one connection kept open, as our adapter',
      'does.',
    ),
    mdTable(
      [
        'store',
        'SQLite settings',
        'append events/s',
        'read events/s',
        'SQLITE_BUSY retries',
        'WAL pragma errors',
      ],
      p.runs.map((run) => [
        run.store,
        run.settings,
        int(run.appendEventsPerSecond),
        int(run.readEventsPerSecond),
        int(run.retries),
        int(run.walPragmaErrors),
      ]),
    ),
    para(
      "Emmett's `getSQLiteEventStore` starts every connection with `PRAGMA journal_mode = WAL` without waiting",
      "for it, and the driver runs a connection's statements in parallel. Now and then an append's COMMIT finds",
      'that statement still running and fails with SQLITE_BUSY ("cannot commit transaction - SQL statements in',
      'progress"): the append is rolled back, and the benchmark tries it again, as an application would, and',
      'counts it. Or the pragma runs inside the append\'s transaction and fails ("cannot change into wal mode',
      'from within a transaction") as an error event nobody listens to, which would end the process: the file',
      'is in WAL mode already, so the benchmark counts it and goes on.',
    ),
  );
}

const shortPath = (path: string): string => (path.length > 60 ? `${path.slice(0, 57)}...` : path);
