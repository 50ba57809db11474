import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createApiApp } from '../app.factory';
import { loadAppConfig } from '../config/app.config';
import { parseCliArgs, UsageError } from '../shared/cli-args';
import { importAuthorization } from './import-auth';
import { embeddedImportBatches } from './import-batches';
import { formatReport, importLines, injectorOf, splitLines } from './importer';

const USAGE = `Usage: npm run import -- <file.ndjson>

Sends every line of the file (one command per line, see docs/import.md) through the API's own pipeline:
validation, idempotency, handlers and business rules, as over HTTP but without a network. Lines run in file
order. A refused line does not stop the import; refused lines are listed at the end, and the exit code is 1
when there is any. Every line has an idempotency key, so importing a file again writes nothing twice.

The stores are the API's (SQLITE_FILE, EVENT_STORE, ...). Read models are not built during the import
(EMBEDDED_PROJECTOR=false): the API's embedded projector or the projector app catches up from its checkpoint,
also while it is running.`;

// Defaults of the import, each overridable from the environment: the projector does not run here (projecting
// while importing only slows the import down; whoever runs the projector next catches up from its checkpoint),
// and only warnings are logged, so the log does not tear up the progress bar.
const IMPORT_DEFAULTS = { EMBEDDED_PROJECTOR: 'false', LOG_LEVEL: 'warn', DEMO_DATA: 'false' };

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCliArgs(args, { help: { type: 'boolean', short: 'h' } });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (parsed.values.help || !file || extra.length > 0) {
    console.error(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const lines = splitLines(text);
  const source = basename(file);

  const config = loadAppConfig({ ...IMPORT_DEFAULTS, ...process.env });
  // The write side only: the command routes and what every request passes, not the read side or the page.
  const app = await createApiApp({ config, commandsOnly: true });
  try {
    const inject = await injectorOf(app, { authorization: await importAuthorization(app, config) });
    const bar = new SingleBar({
      format:
        'import [{bar}] {percentage}% | {value}/{total} lines | {rate} lines/s | ETA {eta_formatted} | refused {refused}',
      hideCursor: true,
      // To stderr, so that stdout holds only the report; cli-progress draws nothing when stderr is not a terminal.
      stream: process.stderr,
      etaBuffer: 50,
    });
    bar.start(Math.max(lines.length, 1), 0, { rate: 0, refused: 0 });
    const report = await importLines(inject, lines, {
      source,
      batches: embeddedImportBatches(app, config),
      progressEvery: 50,
      onProgress: (p) => {
        const seconds = p.elapsedMs / 1000;
        bar.update(p.done, { rate: seconds > 0 ? Math.round(p.done / seconds) : 0, refused: p.refused });
      },
    });
    bar.stop();
    console.log(formatReport(report, source));
    return report.refused.length > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
