import { POOL_SIZES } from './commands';
import { USAGE } from './options';

// The closing sections of docs/benchmarks.md: how to run the benchmark and what each figure means.

export const HOW_TO_RUN = `## How to run

\`\`\`sh
npm run bench                      # --size 100k, every part; writes this file
npm run bench -- --size 10k        # a quick check (about two minutes)
npm run bench -- --size 1m         # the size of the targets
npm run bench -- --only rebuild,queries --output /tmp/bench.md
\`\`\`

\`\`\`
${USAGE}
\`\`\`

- It builds first (\`nest build api\`, then \`tools/build.mjs\` for bench/ and the synthetic generator) and runs from
  dist/, like \`npm start\`.
- The synthetic network (\`libs/contracts/src/testing/synthetic-network.ts\`) is generated once per size, seed and
  generator version into \`data/bench/\` (gitignored) through SqliteEventStore; later runs copy it. The 1M store
  (about 700 MB) takes about 5 minutes to generate the first time on 2 cores.
- Time: a 100k run takes about 4 minutes. A 1m run with a cached store takes about 6 minutes plus two passes
  over the events by the projector: the rebuild (1,000,000 ÷ its events/s, all projections) and its baseline
  (mostly writing the timeline's documents). Split it with \`--only\` when the rebuild is slow.
- Every part that works on the store works on a fresh copy in the system's temp folder, deleted afterwards.
- The command part measures four loads against our api (the bare route, the framework floor, the command mix,
  the peer's two commands) and then one against the peer (Emmett over HTTP) in an api process of its own: with
  their warm-ups, 4 x warm-up + 5 x seconds (112 s at 100k and 1m, about a minute more than before the
  baselines), plus the peer's start and the 100 members made through it. The baselines' routes
  (\`bench/src/baselines/\`) are added to the app in the benchmark's process only; the app's code has none of them.
- Measure on a quiet machine: the load average in "The run" says how busy it was. Each heavy part runs in a
  process of its own (the api, the rebuild, its baseline, the appends, the peer comparison).
- Settings for experiments, as environment variables: \`BENCH_REBUILD_JOBS=2\` (the rebuild's lanes, as
  \`projections:rebuild -- all --jobs 2\`), \`BENCH_API_ENV='{"EMBEDDED_PROJECTOR_THREAD":"false"}'\` (more settings
  of the api), \`BENCH_CPU_PROFILE=<folder>\` (a V8 CPU profile of every process of the run),
  \`BENCH_HEAP_SNAPSHOTS=<folder>\` (with the soak: heap snapshots of the api thread after its first minute and at
  its end), \`BENCH_LOOP_STATS=<file>\` (per HTTP load, what held the api thread: event-loop delay, collections, seals,
  group commits, CPU; one JSON line each).
- Pool sizes for the command load: ${POOL_SIZES.members} members, ${POOL_SIZES.doetanks} Doetanks, ${POOL_SIZES.gatherings} gatherings.`;

export const WHAT_IT_MEANS = `## What each figure means

- **Commands over HTTP, accepted commands/s**: 2xx answers per second while autocannon keeps 32 connections
  busy with the command mix against the real app (\`createApiApp\`, the same factory as main.ts; embedded SQLite,
  by default with the app's \`synchronous = FULL\`, so every accepted command is on disk; the projections run in
  the same process, as in the embedded mode). Latency is autocannon's, per request, from the client.
  Non-2xx answers are counted and listed by status; a set-up that lets many commands be refused would show
  there. Three **baselines**, each loaded the same way (autocannon, the same connections, seconds and bodies):
  - **bare route**: the same bodies to \`POST /bench/noop\` on the same Fastify instance (same body parsing and
    Fastify hooks; no Nest guards, pipes or handler; no work). Commands ÷ bare is what share of the HTTP server's
    capacity the commands keep.
  - **framework floor**: the same mix to the same command paths under \`/bench/floor\`, routes added to the same
    Nest app with the same request DTOs, access decorators and status codes, so each request passes the same
    global guards (token verification, access policy, rate limit), validation pipe (class-validator on the real
    DTO), idempotency interceptor and problem-details filter, and Nest's serialisation of the answer; the handler
    makes the command's id and metadata and answers without reading, deciding or appending. It carries no
    Idempotency-Key, so the interceptor looks and passes (its record is store work, counted in the commands).
    Floor ÷ bare is the framework's own cost; commands ÷ floor is what our command path (state, decider,
    append, idempotency record, projections in the same process) keeps of what the framework leaves.
  - **peer**: the two commands it implements (a member joins, a member proposes a Doetank) decided by Emmett's
    \`CommandHandler\` on its SQLite event store (\`@event-driven-io/emmett\` and \`emmett-sqlite\` 0.38.5, its
    defaults: WAL, \`synchronous = FULL\`), behind the same app, guards, DTOs and pipe, in an api process of its
    own after ours has ended. Emmett's file store shares one connection between concurrent calls and closes it
    when a call ends, so the peer runs one store call at a time (as an application on it would have to). Its
    rules are each stream's own (new member, new Doetank) and that the proposer has joined; ours also keep e-mail
    addresses unique and write an idempotency record, so ours does more per command. Ours is loaded with the same
    two commands alone for the comparison ("commands: join network, propose Doetank").
- **Appends in-process, events/s**: \`SqliteEventStore.appendToStream\` called with the generated appends, one
  after the other, one transaction per append (as the command side does). **Baseline**: the same rows into the
  same tables with plain prepared statements in one IMMEDIATE transaction per append, without the adapter's
  idempotency lookup, revision check and subscription wake-ups. Both with WAL and the run's synchronous setting.
  **The chain hash** (tamper evidence): the raw baseline once more, computing and storing each event's hash as the
  adapter does; the difference to the raw baseline is its cost, and the hash alone is timed without the database.
- **Projector rebuild, events/s**: events in the store ÷ the wall time to rebuild every projection from position
  0 until caught up, on the lanes of \`projections:rebuild all\` (one projection per thread at a time, two threads
  on two cores, \`rebuildProjection\` in each); per projection, the events of the log ÷ its time (it reads only
  the types it handles). "On one core" divides by the projections' summed times instead: what one thread would
  take, to compare with the baseline, which runs on one thread. **Baseline**: what a rebuild cannot
  avoid: reading the events each projection handles once (readAll with its types, in the projector's batch size,
  JSON parsing included) and writing each projection's final documents once (plain INSERTs in batches into fresh
  tables with the same indexes and triggers, the indexes deferred and built after the inserts, the full-text
  index among them, as the rebuild does with them). A rebuild rewrites busy documents as events arrive; the baseline writes each once.
- **Query latency**: p50/p95/p99/max over 200 sequential requests per query after 20 unmeasured ones.
  Server-side is the QueryBus call in the api process (read store, name look-ups and summaries; no HTTP, no
  validation, no JSON serialisation); HTTP adds the whole request path and a keep-alive client on the same
  machine. The deep page is a keyset cursor many pages in; the filters use the busiest Doetank and member of
  the generated network; the history is that Doetank's \`GET /doetanks/:id/history\` (first 100 events); the
  retrospective is the last full year of the generated network (it assembles every year before it). The reads
  carry the coordinator token too, so the HTTP figures include verifying it.
- **Peak RSS**: the highest resident set size of the api process during the command load, and of the rebuilding
  process during the rebuild (sampled every 100 ms, and after every batch of the rebuild). **Baseline**: the same
  process idle, before the work starts.
- **Side by side with Emmett**: the same appends and whole-stream reads through our SqliteEventStore and Emmett's
  SQLite event store, in one process, one after the other, each warmed up first. Both run with WAL and
  \`synchronous = FULL\` (Emmett's defaults, which its event store does not let one change; ours too here,
  whatever \`--synchronous\` says). Emmett is the nearest existing TypeScript event store on SQLite, not a target.`;
