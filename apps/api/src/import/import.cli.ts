import 'reflect-metadata';
import { SQLITE_DATABASE } from '@app/stores';
import { SingleBar } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createApiApp } from '../app.factory';
import { loadAppConfig } from '../config/app.config';
import { formatReport, importLines, injectorOf, splitLines } from './importer';

const USAGE = `Usage: npm run import -- <file.ndjson>

Sends every line of the file (one command per line, see docs/import.md) through the API's own pipeline:
validation, idempotency, handlers and business rules, as over HTTP but without a network. Lines run in file
order. A refused line does not stop the import; refused lines are listed at the end, and the exit code is 1
when there is any. Every line has an idempotency key, so importing a file again writes nothing twice.

The stores are the API's (SQLITE_FILE, EVENT_STORE, ...). Read models are not built during the import
(EMBEDDED_PROJECTOR=false): the API's embedded projector, or the projector app, catches up from its
checkpoint, also while it is running.`;

// Defaults of the import, each overridable from the environment:
// - the projector does not run here: projecting while importing only makes the import slower, and the next
//   (or the running) API or projector catches up from its checkpoint anyway;
// - SQLITE_SYNCHRONOUS=NORMAL: an import is re-runnable by construction (idempotency keys), so it does not need
//   every line to survive a power loss on its own, and an fsync per line would be most of its time;
// - warnings only, so the log does not tear up the progress bar.
const IMPORT_DEFAULTS = {
  EMBEDDED_PROJECTOR: 'false',
  SQLITE_SYNCHRONOUS: 'NORMAL',
  LOG_LEVEL: 'warn',
  DEMO_DATA: 'false',
};

async function main(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1 || file === '--help' || file === '-h') {
    console.error(USAGE);
    return file === '--help' || file === '-h' ? 0 : 2;
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
  const app = await createApiApp({ config });
  try {
    const inject0 = await injectorOf(app);
    const db = app.get<any>(SQLITE_DATABASE);
    let n = 0;
    const inject: typeof inject0 = async (r) => {
      if (n % 500 === 0) { if (db.inTransaction) db.exec('COMMIT'); db.exec('BEGIN IMMEDIATE'); }
      n++;
      return inject0(r);
    };
    const bar = new SingleBar({
      format:
        'import [{bar}] {percentage}% | {value}/{total} lines | {rate} lines/s | ETA {eta_formatted} | refused {refused}',
      hideCursor: true,
      // To stderr, so stdout holds only the summary; no bar when stderr is not a terminal.
      stream: process.stderr,
      etaBuffer: 2000,
    });
    bar.start(Math.max(lines.length, 1), 0, { rate: 0, refused: 0 });
    const report = await importLines(inject, lines, {
      source,
      progressEvery: 50,
      onProgress: (p) => {
        const seconds = p.elapsedMs / 1000;
        bar.update(p.done, { rate: seconds > 0 ? Math.round(p.done / seconds) : 0, refused: p.refused });
      },
    });
    bar.stop();
    if (db.inTransaction) db.exec('COMMIT');
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
