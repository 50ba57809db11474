import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { existsSync } from 'node:fs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  type RecordedSeal,
  StoreSealer,
  type StoreVerification,
  verifyStore,
} from '@app/event-store/integrity';
import { StoresModule } from '@app/stores';
import { loadAppConfig } from '../config/app.config';
import { optionsOrExit, parseCliArgs, UsageError } from '../shared/cli-args';

const USAGE = `Usage: npm run audit:verify [-- --json] [--require-hashes]
       npm run audit:seal

verify  Reads every event of the configured stores (SQLITE_FILE, EVENT_STORE, ...) in order and checks each
        stream's hash chain (every event's hash over its stored contents and the hash before it, revisions without
        gaps) and every seal (the Merkle root over all stream heads at the seal's position). Exits 0 when
        everything matches, 1 naming the first stream and revision that does not (up to 20 are listed).
        --json            the outcome as JSON on standard output
        --require-hashes  also fail on events written before the store hashed them (an upgraded store)
seal    Writes a seal of the store as it is now (the api or projector also writes them on their own, see
        SEAL_INTERVAL_SECONDS and SEAL_EVERY_EVENTS); prints it.`;

const COMMANDS = ['verify', 'seal'] as const;
type Command = (typeof COMMANDS)[number];

interface AuditOptions {
  command: Command;
  json: boolean;
  requireHashes: boolean;
}

export function parseAuditArgs(args: readonly string[]): AuditOptions {
  const { values, positionals } = parseCliArgs(args, {
    json: { type: 'boolean', default: false },
    'require-hashes': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  const [command, ...extra] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command ?? '')) {
    throw new UsageError(`Say verify or seal${command === undefined ? '' : `, not "${command}"`}.`);
  }
  if (extra.length > 0) throw new UsageError(`Unexpected ${extra.join(' ')}.`);
  return { command: command as Command, json: values.json, requireHashes: values['require-hashes'] };
}

export interface AuditIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Draw a progress bar on standard error (a terminal). */
  progress?: boolean;
}

/** The CLI; resolves to its exit code. Exported for the tests, which run it in-process on a real file. */
export async function runAudit(args: readonly string[], io: AuditIo): Promise<number> {
  const parsed = optionsOrExit(args, USAGE, parseAuditArgs, {
    out: (text) => io.out(`${text}\n`),
    err: (text) => io.err(`${text}\n`),
  });
  if ('exit' in parsed) return parsed.exit;
  const { options } = parsed;
  const { stores } = loadAppConfig(io.env);
  if (stores.eventStore === 'sqlite' && !existsSync(stores.sqliteFile)) {
    io.err(`No database at ${stores.sqliteFile}: nothing to verify. Point SQLITE_FILE at the store.\n`);
    return 1;
  }
  const context = await NestFactory.createApplicationContext(StoresModule.forRoot(stores), { logger: false });
  try {
    const store = context.get<EventStore>(EVENT_STORE);
    if (options.command === 'seal') return await seal(store, io);
    return await verify(store, options, io);
  } finally {
    await context.close();
  }
}

async function seal(store: EventStore, io: AuditIo): Promise<number> {
  const sealer = new StoreSealer(store);
  const written = await sealer.seal();
  if (written === undefined) {
    io.out(`Nothing to seal: ${describeSeal(sealer.latest)} already covers every event.\n`);
    return 0;
  }
  io.out(`Sealed: ${describeSeal(written)}.\n`);
  return 0;
}

async function verify(store: EventStore, options: AuditOptions, io: AuditIo): Promise<number> {
  const head = (await store.headPosition()) ?? 0;
  const bar = io.progress
    ? new SingleBar(
        {
          format:
            'verifying [{bar}] {percentage}% | {value}/{total} positions | {events} events | ETA {eta_formatted}',
          hideCursor: true,
          stream: process.stderr,
        },
        Presets.legacy,
      )
    : undefined;
  bar?.start(Math.max(head, 1), 0, { events: 0 });
  let result: StoreVerification;
  try {
    result = await verifyStore(store, {
      progress: (position, events) => bar?.update(Math.min(position, head), { events }),
    });
  } finally {
    bar?.stop();
  }
  const failed = !result.verified || (options.requireHashes && result.unhashed > 0);
  if (options.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  const summary =
    `${result.events} events in ${result.streams} streams, ${result.seals} seal${result.seals === 1 ? '' : 's'}` +
    (result.latestSeal ? ` (latest: ${describeSeal(result.latestSeal)})` : '');
  if (result.unhashed > 0) {
    io.err(
      `Note: ${result.unhashed} events were written before the store hashed its events; their streams' chains ` +
        'start at the first event written after the upgrade, and nothing proves those earlier events unchanged.\n',
    );
  }
  if (result.verified) {
    io.out(`Verified: ${summary}.\n`);
    if (failed) io.err('Failing: --require-hashes, and some events carry no hash.\n');
    return failed ? 1 : 0;
  }
  const [first] = result.problems;
  io.out(`NOT VERIFIED: stream ${first.streamId} revision ${first.revision} ${first.reason}.\n`);
  for (const problem of result.problems.slice(1)) {
    io.out(`  also: stream ${problem.streamId} revision ${problem.revision} ${problem.reason}.\n`);
  }
  io.out(`Read ${summary}.\n`);
  return 1;
}

function describeSeal(seal: RecordedSeal | undefined): string {
  if (seal === undefined) return 'no seal';
  return (
    `seal ${seal.revision} of ${seal.sealedAt}, position ${seal.position}, ${seal.streams} streams, ` +
    `root ${seal.root}`
  );
}

if (require.main === module) {
  runAudit(process.argv.slice(2), {
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
