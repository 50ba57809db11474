import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { StoreSealer } from '@app/event-store/integrity';
import { ProjectorService } from '@app/projection-runtime';
import type { AppConfig } from '../config/app.config';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../idempotency/idempotency.port';
import { importAuthorization } from './import-auth';
import { embeddedImportBatches } from './import-batches';
import { importLines, injectorOf, splitLines, type ImportReport, type InjectRequest } from './importer';

/** How often the server logs the progress of the demo load. */
const PROGRESS_LOG_MS = 3000;
/** Longest the start waits for the read models to catch up with the demo year before it listens anyway. */
const PROJECTION_WAIT_MS = 5 * 60 * 1000;

export type DemoLoadDecision =
  | { load: true; reason: 'empty' | 'interrupted' }
  | { load: false; reason: 'disabled' | 'not-empty' | 'no-file' };

/**
 * Whether to load the demo year now: into an empty event store, or to finish a load that was interrupted (its
 * first line is recorded, its last is not: the server was stopped while loading). A store that holds anything
 * else is left alone.
 */
export async function decideDemoLoad(
  config: AppConfig,
  store: Pick<EventStore, 'headPosition'>,
  idempotency: Pick<IdempotencyStore, 'get'>,
  lines: readonly string[] | undefined,
): Promise<DemoLoadDecision> {
  if (!config.demoData.enabled) return { load: false, reason: 'disabled' };
  if (lines === undefined) return { load: false, reason: 'no-file' };
  if ((await store.headPosition()) === undefined) return { load: true, reason: 'empty' };
  const keys = lines.map(idempotencyKeyOf).filter((key): key is string => key !== undefined);
  if (keys.length === 0) return { load: false, reason: 'not-empty' };
  const [first, last] = [keys[0], keys[keys.length - 1]];
  const now = new Date().toISOString();
  if ((await idempotency.get(first, now)) !== undefined && (await idempotency.get(last, now)) === undefined) {
    return { load: true, reason: 'interrupted' };
  }
  return { load: false, reason: 'not-empty' };
}

function idempotencyKeyOf(line: string): string | undefined {
  try {
    const key = (JSON.parse(line) as { idempotencyKey?: unknown }).idempotencyKey;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * First start: loads the demo year (DEMO_DATA_FILE) through the app's own command pipeline when the event store is
 * empty, then waits until the read models have caught up, so that the timeline and the 2012 retrospective are there
 * the moment the API listens. Logs its progress every few seconds. Never stops the start-up: a missing file or a
 * refused line is logged, and the API starts anyway.
 */
export async function loadDemoDataOnFirstStart(
  app: NestFastifyApplication,
  config: AppConfig,
  logger: LoggerService,
): Promise<{ decision: DemoLoadDecision; report?: ImportReport }> {
  const file = config.demoData.file;
  const lines = !config.demoData.enabled
    ? undefined
    : existsSync(file)
      ? splitLines(readFileSync(file, 'utf8'))
      : undefined;
  const decision = await decideDemoLoad(
    config,
    app.get<EventStore>(EVENT_STORE),
    app.get<IdempotencyStore>(IDEMPOTENCY_STORE),
    lines,
  );
  if (!decision.load) {
    if (decision.reason === 'no-file') {
      logger.warn(`Demo data not loaded: ${file} does not exist (DEMO_DATA_FILE); starting without it`);
    }
    return { decision };
  }

  logger.log(
    decision.reason === 'empty'
      ? `Empty event store: loading the demo year 2011-2012 from ${file} (DEMO_DATA=false turns this off)`
      : `Finishing the demo load that was interrupted, from ${file}`,
  );
  const inject = await injectorOf(app, { authorization: await importAuthorization(app, config) });
  // The embedded projector waits while the demo year goes in: following it line by line takes several times longer
  // than catching up afterwards in large batches.
  const resumeProjections = config.embeddedProjector ? await pauseProjections(app) : undefined;
  let report: ImportReport;
  try {
    report = await importWithProgressLog(inject, lines!, basename(file), app, config, logger);
    // Sealed at once rather than at the next interval: the demo year's report then names its seal from the start.
    const seal = await new StoreSealer(app.get<EventStore>(EVENT_STORE)).seal();
    if (seal) logger.log(`Demo year sealed: seal ${seal.revision}, root ${seal.root}`);
  } finally {
    resumeProjections?.();
  }
  if (resumeProjections) await waitForReadModels(app, logger);
  return { decision, report };
}

async function importWithProgressLog(
  inject: InjectRequest,
  lines: readonly string[],
  source: string,
  app: NestFastifyApplication,
  config: AppConfig,
  logger: LoggerService,
): Promise<ImportReport> {
  let lastLog = Date.now();
  const report = await importLines(inject, lines, {
    source,
    batches: embeddedImportBatches(app, config),
    onProgress: (p) => {
      if (Date.now() - lastLog < PROGRESS_LOG_MS || p.done === p.total) return;
      lastLog = Date.now();
      const rate = Math.round(p.done / (p.elapsedMs / 1000));
      logger.log(
        `Loading the demo year: ${p.done}/${p.total} lines (${Math.floor((100 * p.done) / p.total)}%), ${rate} lines/s`,
      );
    },
  });
  logger.log(
    `Demo year loaded: ${report.lines} lines, ${report.accepted} written, ${report.replayed} already there, ` +
      `${report.refused.length} refused, in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  for (const refused of report.refused.slice(0, 20)) {
    logger.warn(`Demo line ${refused.line} refused (${refused.code}): ${refused.reason}`);
  }
  return report;
}

/** Stops the embedded projection runners (each stores its checkpoint); returns what starts them again. */
async function pauseProjections(app: NestFastifyApplication): Promise<() => void> {
  const projector = app.get(ProjectorService);
  await projector.pause();
  return () => projector.resume();
}

async function waitForReadModels(app: NestFastifyApplication, logger: LoggerService): Promise<void> {
  const head = await app.get<EventStore>(EVENT_STORE).headPosition();
  if (head === undefined) return;
  const projector = app.get(ProjectorService);
  const deadline = Date.now() + PROJECTION_WAIT_MS;
  while (!(await projector.waitForPosition(head, PROGRESS_LOG_MS))) {
    const behind = (await projector.statuses()).filter((s) => s.position < head);
    if (behind.some((s) => s.state === 'failed') || Date.now() >= deadline) {
      logger.warn('Read models are not caught up with the demo year; the API starts anyway and they follow');
      return;
    }
    if (behind.length > 0) {
      const slowest = Math.min(...behind.map((s) => s.position));
      logger.log(`Building the read models: position ${slowest} of ${head}`);
    }
  }
  logger.log('Read models are up to date with the demo year');
}
