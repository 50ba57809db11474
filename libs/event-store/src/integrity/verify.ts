import {
  CorruptEventError,
  type EventStore,
  type RecordedEvent,
  StreamNotFoundError,
} from '../event-store.port';
import { chainHash, GENESIS_HASH, storedJson } from './event-hash';
import { latestSeal, type RecordedSeal, SEAL_STREAM, type StreamHead, StreamHeads, toSeal } from './seal';

/** An event (or a seal) that does not match the record. */
export interface IntegrityProblem {
  streamId: string;
  revision: number;
  reason: string;
}

/** Checks one stream's events in revision order against their hash chain. */
export class ChainChecker {
  private readonly heads = new Map<string, StreamHead>();
  /** Events stored without a hash (written before the store hashed): the chain starts after them. */
  unhashed = 0;

  head(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  /**
   * The problem with this event, or undefined. Either way the event becomes its stream's head as stored, so one
   * altered event is reported once and does not make every later one fail too.
   */
  check(event: RecordedEvent): IntegrityProblem | undefined {
    const head = this.heads.get(event.streamId);
    this.heads.set(event.streamId, { revision: event.revision, hash: event.hash });
    const expected = head === undefined ? 0 : head.revision + 1;
    const at = { streamId: event.streamId };
    if (event.revision > expected) {
      const missing =
        expected === event.revision - 1 ? `${expected}` : `${expected} to ${event.revision - 1}`;
      return { ...at, revision: expected, reason: `missing: revision ${missing} is not in the store` };
    }
    if (event.revision < expected) {
      return {
        ...at,
        revision: event.revision,
        reason: `revision ${event.revision} is stored twice or out of order`,
      };
    }
    if (event.hash === undefined) {
      if (head?.hash !== undefined) {
        return { ...at, revision: event.revision, reason: 'has no hash, but the event before it has one' };
      }
      this.unhashed++;
      return undefined;
    }
    const hash = chainHash(head?.hash ?? GENESIS_HASH, {
      streamId: event.streamId,
      revision: event.revision,
      id: event.id,
      type: event.type,
      ...storedJson(event),
    });
    if (hash !== event.hash) {
      return {
        ...at,
        revision: event.revision,
        reason: 'its hash does not match its stored contents (type, data, metadata or business time changed)',
      };
    }
    return undefined;
  }
}

export interface StoreVerification {
  verified: boolean;
  events: number;
  streams: number;
  /** Events written before the store hashed them; their streams' chains start after them. */
  unhashed: number;
  seals: number;
  latestSeal?: RecordedSeal;
  /** In position order, at most `maxProblems`; the first is the first event or seal that does not match. */
  problems: IntegrityProblem[];
}

export interface VerifyStoreOptions {
  /** Told after each page read: the position reached. */
  progress?: (position: number, events: number) => void;
  maxProblems?: number;
  pageSize?: number;
}

/**
 * Reads every event in position order once: checks each stream's chain (revisions without gaps, every hash over
 * the stored contents and the hash before it), and each seal against the heads of all streams at its position.
 */
export async function verifyStore(
  store: EventStore,
  options: VerifyStoreOptions = {},
): Promise<StoreVerification> {
  const maxProblems = options.maxProblems ?? 20;
  const pageSize = options.pageSize ?? 1000;
  const chains = new ChainChecker();
  const heads = new StreamHeads();
  const problems: IntegrityProblem[] = [];
  const report = (problem: IntegrityProblem | undefined) => {
    if (problem && problems.length < maxProblems) problems.push(problem);
  };

  // The seals first: each is compared when the walk has applied every event up to its position.
  const seals: RecordedSeal[] = [];
  if ((await store.streamRevision(SEAL_STREAM)) !== undefined) {
    for (const event of await readWhole(store, SEAL_STREAM)) {
      const seal = toSeal(event);
      if (seal) seals.push(seal);
      else report({ streamId: SEAL_STREAM, revision: event.revision, reason: 'is not a readable seal' });
    }
    seals.sort((a, b) => a.position - b.position);
  }
  let nextSeal = 0;
  const checkSealsUpTo = (position: number) => {
    while (nextSeal < seals.length && seals[nextSeal].position < position) {
      const seal = seals[nextSeal++];
      report(sealProblem(seal, heads));
    }
  };

  let after: number | undefined;
  for (;;) {
    let batch: RecordedEvent[];
    try {
      batch = await store.readAll({ after, maxCount: pageSize });
    } catch (error) {
      if (!(error instanceof CorruptEventError)) throw error;
      // A damaged row: named, and the walk cannot go past it.
      report({
        streamId: error.streamId,
        revision: error.revision,
        reason: `cannot be read: ${error.reason}`,
      });
      break;
    }
    for (const event of batch) {
      checkSealsUpTo(event.position);
      report(chains.check(event));
      heads.apply(event);
    }
    if (batch.length > 0) {
      after = batch[batch.length - 1].position;
      options.progress?.(after, heads.events);
    }
    if (batch.length < pageSize) break;
  }
  checkSealsUpTo(Number.POSITIVE_INFINITY);
  return {
    verified: problems.length === 0,
    events: heads.events,
    streams: heads.heads.size,
    unhashed: chains.unhashed,
    seals: seals.length,
    ...(seals.length > 0 && { latestSeal: seals[seals.length - 1] }),
    problems,
  };
}

function sealProblem(seal: RecordedSeal, heads: StreamHeads): IntegrityProblem | undefined {
  const at = { streamId: SEAL_STREAM, revision: seal.revision };
  if (heads.position !== seal.position) {
    return { ...at, reason: `seals position ${seal.position}, which holds no event (an event was deleted?)` };
  }
  const recomputed = heads.seal(new Date(seal.sealedAt));
  if (
    recomputed.root !== seal.root ||
    recomputed.streams !== seal.streams ||
    recomputed.events !== seal.events
  ) {
    return {
      ...at,
      reason:
        `its Merkle root over ${seal.streams} stream heads (${seal.events} events) does not match the store's ` +
        `${recomputed.streams} heads (${recomputed.events} events) at position ${seal.position}`,
    };
  }
  return undefined;
}

async function readWhole(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof CorruptEventError) return [];
    throw error;
  }
}

/** What the history of one stream says about its integrity. */
export interface StreamIntegrity {
  verified: boolean;
  head: { revision: number; hash: string | null };
  /** The first event that does not match, when one does not. */
  brokenAt?: { revision: number; reason: string };
  /** Events at the start of the stream written before the store hashed its events. */
  unhashed: number;
  /** The latest seal that covers an event of this stream, and up to which revision it covers it. */
  sealedBy?: {
    sealRevision: number;
    position: number;
    root: string;
    sealedAt: string;
    coversRevision: number;
  };
}

/**
 * Checks one stream's chain (every event, whatever page the caller shows) and names the latest seal that covers
 * it. That the seal's root agrees with every stream's head is what `audit:verify` checks, over the whole store.
 * `read`: the stream's events from revision 0 as stored (sealed personal data sealed) that the caller has read
 * anyway (the history reads up to its page's end): they are checked as given, and only the events after them are
 * read. Every call checks every event of the stream; what it saves is reading them twice.
 */
export async function verifyStream(
  store: EventStore,
  streamId: string,
  options: { read?: readonly RecordedEvent[] } = {},
): Promise<StreamIntegrity> {
  const chains = new ChainChecker();
  const given = options.read?.every((event, index) => event.revision === index) ? options.read : [];
  let events: RecordedEvent[] = [...given];
  let brokenAt: StreamIntegrity['brokenAt'];
  try {
    const rest = await store.readStream(streamId, { fromRevision: given.length });
    events = events.concat(rest);
  } catch (error) {
    if (!(error instanceof CorruptEventError || error instanceof StreamNotFoundError)) throw error;
    if (error instanceof CorruptEventError) {
      brokenAt = { revision: error.revision, reason: `cannot be read: ${error.reason}` };
    }
  }
  for (const event of events) {
    const problem = chains.check(event);
    if (problem && !brokenAt) brokenAt = { revision: problem.revision, reason: problem.reason };
  }
  const last = events[events.length - 1];
  const integrity: StreamIntegrity = {
    verified: brokenAt === undefined,
    head: { revision: last?.revision ?? -1, hash: last?.hash ?? null },
    unhashed: chains.unhashed,
    ...(brokenAt && { brokenAt }),
  };
  if (last === undefined) return integrity;
  const seal = await latestSeal(store);
  if (seal === undefined || seal.position < events[0].position) return integrity;
  const covered = events.filter((event) => event.position <= seal.position);
  integrity.sealedBy = {
    sealRevision: seal.revision,
    position: seal.position,
    root: seal.root,
    sealedAt: seal.sealedAt,
    coversRevision: covered[covered.length - 1].revision,
  };
  return integrity;
}
