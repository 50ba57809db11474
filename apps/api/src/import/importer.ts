import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { performance } from 'node:perf_hooks';
import { parseImportLine, type ImportRequest } from './import-line';

/** Fastify's `inject` (light-my-request), narrowed to what the importer uses. */
export type InjectRequest = (request: {
  method: ImportRequest['method'];
  url: string;
  headers: Record<string, string>;
  payload: string;
}) => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>;

/** A line the API (or the parser) refused: nothing of it was written. */
export interface RefusedLine {
  /** 1-based line number in the file. */
  line: number;
  command?: string;
  /** HTTP status of the refusal; absent when the line was never sent (malformed, unknown command, ...). */
  status?: number;
  /** Problem-details `code` (`DOETANK.ALREADY_CLOSED`) or the parser's (`IMPORT.MALFORMED_JSON`). */
  code: string;
  /** Problem-details `detail`, or the parser's reason. */
  reason: string;
}

export interface ImportProgress {
  /** Lines handled so far (blank lines included). */
  done: number;
  total: number;
  accepted: number;
  replayed: number;
  refused: number;
  elapsedMs: number;
}

export interface ImportReport {
  /** Lines with a command (blank lines are not counted). */
  lines: number;
  /** Written now. */
  accepted: number;
  /** Answered from an earlier import of the same line (`Idempotent-Replayed: true`): nothing written. */
  replayed: number;
  refused: RefusedLine[];
  durationMs: number;
}

/**
 * Groups the lines of an import into larger store transactions: one commit for many lines instead of several per
 * line. A batch that never commits (the process dies) is lost whole, which a second run of the same file restores:
 * every line has an idempotency key.
 */
export interface ImportBatches {
  begin(): void;
  commit(): void;
}

export interface ImportOptions {
  /** Name of the file (base name), for correlation ids: `import-<source>-<line>`. */
  source: string;
  /** Called every `progressEvery` lines and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  progressEvery?: number;
  /**
   * Let timers and I/O run every this many lines (the import is otherwise one long chain of promises, which
   * would starve a server's timers, its projector and its progress log). Default 250; with batches, after each
   * batch.
   */
  yieldEvery?: number;
  batches?: ImportBatches;
  /** A batch ends after this many lines (default 500) or this long (default 200 ms), whichever comes first. */
  batchMaxLines?: number;
  batchMaxMs?: number;
}

/**
 * Fastify's inject of a Nest app, ready to take requests (the app is initialised; no socket needed). `headers` go
 * with every request (the import's `Authorization`).
 */
export async function injectorOf(
  app: NestFastifyApplication,
  headers: Record<string, string> = {},
): Promise<InjectRequest> {
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return async (request) => {
    const response = await fastify.inject({ ...request, headers: { ...request.headers, ...headers } });
    return { statusCode: response.statusCode, headers: response.headers, body: response.body };
  };
}

/**
 * Sends every line of an import file through the API, one after the other (order matters: a Doetank must exist
 * before a member joins it). A refused line does not stop the import; it is listed in the report with its reason.
 */
export async function importLines(
  inject: InjectRequest,
  lines: readonly string[],
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const progressEvery = Math.max(1, options.progressEvery ?? 100);
  const yieldEvery = Math.max(1, options.yieldEvery ?? 250);
  const refused: RefusedLine[] = [];
  let commands = 0;
  let accepted = 0;
  let replayed = 0;

  const progress = (done: number): ImportProgress => ({
    done,
    total: lines.length,
    accepted,
    replayed,
    refused: refused.length,
    elapsedMs: performance.now() - started,
  });

  const { batches } = options;
  const batchMaxLines = Math.max(1, options.batchMaxLines ?? 500);
  const batchMaxMs = Math.max(1, options.batchMaxMs ?? 200);
  let batchStarted: number | undefined;
  let batchLines = 0;
  const pause = () => new Promise((resolve) => setImmediate(resolve));

  try {
    for (let index = 0; index < lines.length; index++) {
      const lineNumber = index + 1;
      if (batches && batchStarted === undefined) {
        batches.begin();
        batchStarted = performance.now();
        batchLines = 0;
      }
      const parsed = parseImportLine(lines[index], options.source, lineNumber);
      if (parsed.kind === 'refused') {
        commands += 1;
        refused.push({ line: lineNumber, code: parsed.code, reason: parsed.reason });
      } else if (parsed.kind === 'request') {
        commands += 1;
        const { command, ...request } = parsed.request;
        const response = await inject(request).catch((error: unknown) => ({
          statusCode: 500,
          headers: {} as Record<string, unknown>,
          body: JSON.stringify({ code: 'IMPORT.REQUEST_FAILED', detail: String(error) }),
        }));
        if (response.statusCode >= 200 && response.statusCode < 300) {
          if (response.headers['idempotent-replayed'] === 'true') replayed += 1;
          else accepted += 1;
        } else {
          refused.push({
            line: lineNumber,
            command,
            status: response.statusCode,
            ...problemOf(response.body),
          });
        }
      }
      if (lineNumber % progressEvery === 0) options.onProgress?.(progress(lineNumber));
      if (batches && batchStarted !== undefined) {
        batchLines += 1;
        if (batchLines >= batchMaxLines || performance.now() - batchStarted >= batchMaxMs) {
          batches.commit();
          batchStarted = undefined;
          await pause();
        }
      } else if (lineNumber % yieldEvery === 0) {
        await pause();
      }
    }
  } finally {
    // What was done is kept, also when something unexpected ends the import early.
    if (batches && batchStarted !== undefined) batches.commit();
  }
  options.onProgress?.(progress(lines.length));
  return { lines: commands, accepted, replayed, refused, durationMs: performance.now() - started };
}

/** The code and detail of a problem-details answer (or whatever the body says when it is not one). */
function problemOf(body: string): { code: string; reason: string } {
  try {
    const problem = JSON.parse(body) as { code?: unknown; detail?: unknown; message?: unknown };
    return {
      code: typeof problem.code === 'string' ? problem.code : 'HTTP.ERROR',
      reason:
        typeof problem.detail === 'string'
          ? problem.detail
          : typeof problem.message === 'string'
            ? problem.message
            : body.slice(0, 500),
    };
  } catch {
    return { code: 'HTTP.ERROR', reason: body.slice(0, 500) };
  }
}

/** Splits a file's text into lines (LF or CRLF); a final line break does not make an extra line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A short, readable report: the summary, then every refused line with its reason. */
export function formatReport(report: ImportReport, source: string): string {
  const seconds = report.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(report.lines / seconds) : report.lines;
  const out = [
    `${source}: ${report.lines} lines, ${report.accepted} accepted, ${report.replayed} replayed ` +
      `(imported before), ${report.refused.length} refused, in ${seconds.toFixed(1)} s (${rate} lines/s)`,
  ];
  if (report.refused.length > 0) {
    out.push('Refused lines (nothing of them was written):');
    for (const r of report.refused) {
      const what = [r.command, r.status !== undefined ? String(r.status) : undefined, r.code]
        .filter(Boolean)
        .join(' ');
      out.push(`  line ${r.line}: ${what}: ${r.reason}`);
    }
  }
  return out.join('\n');
}
