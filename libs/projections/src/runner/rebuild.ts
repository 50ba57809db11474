import type { EventStore } from '@app/event-store';
import type { ReadStore } from '@app/read-store';
import type { Projection } from '../projection';
import { ProjectionRunner, type ProjectionRunnerOptions, type ProjectionStatus } from './projection-runner';
import { callWithPolicy, DEFAULT_RETRY_POLICY } from './store-call-policy';

export interface RebuildResult {
  projection: string;
  version: number;
  previousVersion?: number;
  position: number;
  events: number;
}

/** Documents a rebuild keeps in memory across batches (see ProjectionRunnerOptions.cacheDocuments). */
export const REBUILD_CACHE_DOCUMENTS = 10_000;
/** Events between a rebuild's writes of documents and checkpoint (at least; the batch size when larger). */
export const REBUILD_FLUSH_EVERY = 10_000;

/**
 * Rebuilds a projection from position 0 into a new version of its collections while readers keep using the
 * active one, then switches readers over and drops the old versions. An interrupted rebuild (a crash, a kill)
 * resumes from its own checkpoint when started again: the unfinished version above the active one is reused.
 *
 * Built for catching up: documents stay in memory across batches (written with the checkpoint every
 * `flushEvery` events), only the event types the projection handles are read, and the new version's indexes are
 * built once, after the last event, before readers switch over.
 *
 * A store that is away is waited for, also by the rebuild's own calls before and after the runner's (the same
 * policy and options: see `callWithPolicy`); an error that will not heal fails the rebuild, which resumes where it
 * stopped when started again.
 */
export async function rebuildProjection(
  projection: Projection,
  eventStore: EventStore,
  readStore: ReadStore,
  options: Pick<
    ProjectionRunnerOptions,
    | 'batchSize'
    | 'logger'
    | 'now'
    | 'personalData'
    | 'cacheDocuments'
    | 'flushEvery'
    | 'maxAttempts'
    | 'retryDelayMs'
    | 'maxRetryDelayMs'
    | 'maxWriteDocuments'
    | 'maxWriteBytes'
  > & {
    onProgress?: (status: ProjectionStatus, applied: number) => void;
  } = {},
): Promise<RebuildResult> {
  const call = <T>(operation: string, work: () => Promise<T>): Promise<T> =>
    callWithPolicy(work, {
      maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
      initialMs: options.retryDelayMs ?? DEFAULT_RETRY_POLICY.initialMs,
      maxMs: options.maxRetryDelayMs ?? DEFAULT_RETRY_POLICY.maxMs,
      onRetry: (error, attempt, delayMs) =>
        options.logger?.warn(
          `rebuild of ${projection.name}: ${operation} failed (try ${attempt}): ${error instanceof Error ? error.message : String(error)}; retrying in ${delayMs} ms`,
        ),
    });
  const main = projection.collections[0].name;
  const before = await call('collectionVersions', () => readStore.collectionVersions(main));
  const unfinished = before.versions.filter((v) => v > (before.active ?? 0));
  const version = unfinished.length > 0 ? Math.max(...unfinished) : Math.max(0, ...before.versions) + 1;

  let events = 0;
  const runner = new ProjectionRunner(projection, eventStore, readStore, {
    cacheDocuments: REBUILD_CACHE_DOCUMENTS,
    flushEvery: Math.max(REBUILD_FLUSH_EVERY, options.batchSize ?? 0),
    ...options,
    version,
    stopWhenCaughtUp: true,
    deferIndexes: true,
    handledEventsOnly: true,
    trackWrittenIds: true,
    onBatch: (status, applied) => {
      events += applied;
      options.onProgress?.(status, applied);
    },
  });
  await runner.start().done();
  const status = runner.status();
  if (status.state === 'failed') {
    const where = status.failedPosition === undefined ? '' : ` at position ${status.failedPosition}`;
    throw new Error(
      `Rebuild of ${projection.name} stopped${where}: ${status.error}; readers still use version ${before.active ?? 'none'}`,
    );
  }

  // Killed during this, the rebuild resumes caught up and builds what is still missing.
  for (const { name } of projection.collections) {
    await call('buildIndexes', () => readStore.buildIndexes(name, version));
  }
  for (const { name } of projection.collections) {
    await call('activateVersion', () => readStore.activateVersion(name, version));
  }
  for (const { name } of projection.collections) {
    const { versions } = await call('collectionVersions', () => readStore.collectionVersions(name));
    for (const old of versions.filter((v) => v !== version)) {
      await call('dropVersion', () => readStore.dropVersion(name, old));
    }
  }
  return {
    projection: projection.name,
    version,
    previousVersion: before.active,
    position: status.position,
    events,
  };
}
