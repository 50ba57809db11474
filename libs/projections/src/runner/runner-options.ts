import type { RecordedEvent } from '@app/event-store';
import type { PersonalDataReader } from '@app/privacy';
import type { EventLike } from './batch-applier';
import type { ProjectionLeaseOptions } from './projection-lease';
import type { SharedEventReader } from './shared-event-reader';

/*
 * The projection runner's vocabulary: its states and status, its logger and its options (with those of rebuilds:
 * the write-behind cache, tracking of written ids, deferred indexes).
 */

/** `standby`: another process holds the projection's lease; this runner waits to take over (see `lease`). */
export type ProjectionState = 'starting' | 'standby' | 'catching-up' | 'live' | 'failed' | 'stopped';

/** A store call that keeps failing with an error that may heal, and is being tried again. */
export interface ProjectionRetrying {
  /**
   * The call: `collectionVersions`, `ensureCollections`, `getCheckpoint`, `find` (at start-up), `subscription`
   * (reading events), `batch` (loading and applying a batch), `applyBatch` (writing), `activeVersion`,
   * `recordFailure`.
   */
  operation: string;
  /** Tries of that call that failed so far. */
  attempt: number;
  /** When the first failure of this outage happened (ISO-8601). */
  since: string;
  error: string;
}

export interface ProjectionStatus {
  name: string;
  /** Physical version of the collections this runner writes. */
  version: number;
  state: ProjectionState;
  /** Position of the last event applied (0 before the first). */
  position: number;
  /** Position of the newest event in the store, when known. */
  headPosition?: number;
  /** Events in the store after `position`. */
  lagEvents?: number;
  /** How long the oldest event not yet applied has been waiting (0 when caught up). */
  lagSeconds?: number;
  failedPosition?: number;
  error?: string;
  updatedAt?: string;
  /**
   * Set while a store is away: the runner is trying a call again with backoff, and has not given up (`state` stays
   * what it was). Cleared by the next call that works.
   */
  retrying?: ProjectionRetrying;
  /** Events this runner has applied and written since it was created (a counter for metrics). */
  eventsApplied?: number;
  /** With a lease: whether this runner holds it, who does otherwise (when known), and how often it took it. */
  lease?: { held: boolean; owner: string; holder?: string; acquisitions: number };
}

/** Structured fields of a log line: the projection, positions, and the events' correlation ids. */
export type LogFields = Record<string, unknown>;

export interface RunnerLogger {
  log(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Per batch: the positions applied and the correlation ids of their events (a request traced to here). */
  debug?(message: string, fields?: LogFields): void;
}

/** Correlation ids listed per batch line at most (a batch of a thousand imported events shares a few). */
const MAX_CORRELATION_IDS = 50;

/** Where an event came from, for a log line: its id, type, position and the request that caused it. */
export const eventFields = (event: EventLike): LogFields => ({
  position: event.position,
  eventId: event.id,
  eventType: event.type,
  correlationId: event.metadata?.correlationId,
  causationId: event.metadata?.causationId,
});

export interface ProjectionRunnerOptions {
  /** Events read per batch; documents and the checkpoint are written once per batch. */
  batchSize?: number;
  /**
   * Tries of a batch or store call whose failure is not known to heal (default 5): an event the projection's own
   * code cannot apply, or a store error its adapter did not classify. Then the projection stops as failed. Store
   * errors classified as transient are tried again without limit, permanent ones not at all.
   */
  maxAttempts?: number;
  /** First retry delay (default 200 ms); doubles per try, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  /** Longest wait between two tries of a failing call (default 30 s). `stop()` ends a wait at once. */
  maxRetryDelayMs?: number;
  /** Documents (upserts and deletes) one write of the read store may carry (default 1,000). */
  maxWriteDocuments?: number;
  /** Bytes one write of the read store may carry, estimated as the documents' JSON (default 4 MB). */
  maxWriteBytes?: number;
  /**
   * Write into this physical version of the collections (a rebuild). Without it, the runner follows the active
   * version and restarts on a new one when a rebuild switches readers over.
   */
  version?: number;
  /** Stop as soon as the store's head (at the time) is reached: for rebuilds and one-off catch-ups. */
  stopWhenCaughtUp?: boolean;
  /**
   * Keep up to this many documents in memory across batches (default 0: none), least recently used ones evicted
   * first, and write changed documents with the checkpoint every `flushEvery` events rather than every batch
   * (write-behind): a rebuild then reads, parses and rewrites a busy document once per flush instead of once per
   * batch. Documents and checkpoint are still written in one transaction, so a crash loses only work that is
   * redone from the checkpoint. Meant for catching up (rebuilds): readers see progress only per flush.
   */
  cacheDocuments?: number;
  /** With `cacheDocuments`: events between writes (default: the larger of `batchSize` and 10,000). */
  flushEvery?: number;
  /**
   * Create the collections of `version` with their indexes deferred (see the read store's `deferIndexes`): for a
   * rebuild, which builds them with `buildIndexes` once caught up.
   */
  deferIndexes?: boolean;
  /**
   * Ask the event store for the event types the projection handles only, rather than every event (the runner
   * skips the others either way). The checkpoint then stays at the last handled event.
   */
  handledEventsOnly?: boolean;
  /**
   * With `version` (a rebuild): when the version's collections are empty as the runner starts on them, remember
   * which documents it writes (WrittenIds), so that a document out of memory that was never written is known
   * absent without a read of the store (every document an event creates). Off when resuming into documents
   * written before.
   */
  trackWrittenIds?: boolean;
  /** Called after every batch applied (progress bars, metrics); with `cacheDocuments`, before it is written. */
  onBatch?: (status: ProjectionStatus, applied: number) => void;
  /**
   * Called whenever the status changes: a state, or a position written with its checkpoint (`writtenPosition`,
   * what readers can see). The embedded projector's worker thread posts these to the api's main thread.
   */
  onStatus?: (status: ProjectionStatus, writtenPosition: number) => void;
  /**
   * Opens the personal data in events (libs/privacy's PersonalDataTransformer over the key store), so projections
   * get plain data, or "forgotten" (null) where a member's key is destroyed, also in a rebuild. Without it, an
   * event with sealed personal data fails the projection.
   */
  personalData?: PersonalDataReader;
  /**
   * One active runner per projection across processes: take the projection's lease (named after the projection)
   * before reading the checkpoint, fence every write with it, renew it while idle, give it up on stop. While
   * another owner holds it the runner waits in state `standby`; when a write finds it lost, the runner drops its
   * documents in memory and goes back to standby, and whoever takes over starts from the stored checkpoint. A
   * projection stopped in state `failed` by an event it cannot apply keeps its lease (renewed) until the runner is
   * stopped, so that another projector does not fail on the same event in turn; `stop()` releases it, and so does
   * an unexpected end of the runner (another projector may well succeed).
   */
  lease?: ProjectionLeaseOptions;
  /**
   * Read events through this reader, shared with the other live runners of a projector, rather than through a
   * subscription of this runner's own (see SharedEventReader). Not with `handledEventsOnly`, which reads a
   * filtered log of its own.
   */
  sharedReader?: SharedEventReader;
  logger?: RunnerLogger;
  now?: () => Date;
}

/** Checkpoint name of a projection's physical version: `timeline@v2`. */
export const checkpointName = (projection: string, version: number) => `${projection}@v${version}`;

export const silentLogger: RunnerLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The batch's positions and the correlation ids of its events: a request's events traced into the projector. */
export function logBatch(
  logger: RunnerLogger,
  projection: string,
  events: readonly RecordedEvent[],
  count: number,
): void {
  if (!logger.debug) return;
  const correlationIds = new Set<string>();
  for (let i = 0; i < count && correlationIds.size < MAX_CORRELATION_IDS; i++) {
    const correlationId = events[i].metadata.correlationId;
    if (correlationId) correlationIds.add(correlationId);
  }
  const first = events[0].position;
  const last = events[count - 1].position;
  logger.debug(`${projection}: applied ${count} events, positions ${first} to ${last}`, {
    projection,
    fromPosition: first,
    toPosition: last,
    events: count,
    correlationIds: [...correlationIds],
  });
}
