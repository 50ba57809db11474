import { createHash, randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '@app/contracts';
import { streams } from '@app/contracts/streams';
import {
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { GENESIS_HASH } from './event-hash';

/** The stream of the seals, one event per seal, chained like any other stream. */
export const SEAL_STREAM = streams.auditSeal;
export const SEAL_EVENT_TYPE = 'StoreSealed';

/** What a seal anchors: the head of every stream once the store had exactly the events up to `position`. */
export interface StoreSeal {
  /** Global position of the last event the seal covers: it covers every event at or before it, and no other. */
  position: number;
  /** How many streams had an event at or before `position` (the Merkle tree's leaves). */
  streams: number;
  /** How many events are at or before `position`. */
  events: number;
  /** Merkle root (SHA-256, hex) over (stream, revision, hash) of every stream head; see {@link merkleRoot}. */
  root: string;
  /** ISO-8601 time the seal was written. */
  sealedAt: string;
}

/** A seal as recorded: where it is in the seal stream. */
export interface RecordedSeal extends StoreSeal {
  revision: number;
  hash?: string;
}

export interface StreamHead {
  revision: number;
  /** undefined: the head was written before the store hashed its events. */
  hash?: string;
}

const sha256 = (...parts: (string | Buffer)[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** A leaf: its stream, revision and hash, each prefixed with its UTF-8 length. */
export function leafHash(streamId: string, head: StreamHead): Buffer {
  const parts = [streamId, String(head.revision), head.hash ?? GENESIS_HASH];
  return sha256('\x00', ...parts.flatMap((part) => [`${Buffer.byteLength(part)}:`, part]));
}

/**
 * The Merkle root over the heads: leaves sorted by stream id (JavaScript string order, i.e. UTF-16 code units),
 * leaf = SHA-256(0x00 ‖ len:stream ‖ len:revision ‖ len:hash), node = SHA-256(0x01 ‖ left ‖ right), an odd node
 * at the end of a level is carried up unchanged; no heads gives SHA-256 of nothing. The 0x00/0x01 prefixes keep a
 * leaf from passing for a node (RFC 6962, section 2.1).
 */
export function merkleRoot(heads: ReadonlyMap<string, StreamHead>): string {
  const root = new MerkleRoot();
  for (const id of [...heads.keys()].sort()) root.add(id, heads.get(id)!);
  return root.digest();
}

/**
 * The same root as {@link merkleRoot}, built from leaves given one by one in stream-id order, in O(log n) memory:
 * a stack of complete subtrees, two of the same height merged at once; at the end the stack (heights falling) is
 * folded from the right. Pairing level by level with an odd node carried up gives exactly this fold.
 */
export class MerkleRoot {
  private readonly stack: { height: number; hash: Buffer }[] = [];
  private last?: string;
  leaves = 0;

  /** Throws when `streamId` does not come after the previous one in JavaScript string order. */
  add(streamId: string, head: StreamHead): void {
    if (this.last !== undefined && !(this.last < streamId)) {
      throw new Error(`stream heads out of order: ${streamId} after ${this.last}`);
    }
    this.last = streamId;
    this.leaves++;
    let node = { height: 0, hash: leafHash(streamId, head) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].height === node.height) {
      const left = this.stack.pop()!;
      node = { height: node.height + 1, hash: sha256('\x01', left.hash, node.hash) };
    }
    this.stack.push(node);
  }

  digest(): string {
    if (this.stack.length === 0) return sha256().toString('hex');
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = sha256('\x01', this.stack[i].hash, hash);
    return hash.toString('hex');
  }
}

/** Reads a seal event; undefined when it is not one (or malformed). */
export function toSeal(event: RecordedEvent): RecordedSeal | undefined {
  if (event.streamId !== SEAL_STREAM || event.type !== SEAL_EVENT_TYPE) return undefined;
  const data = event.data as Partial<StoreSeal> | null;
  if (
    typeof data?.position !== 'number' ||
    typeof data.root !== 'string' ||
    typeof data.streams !== 'number' ||
    typeof data.events !== 'number'
  ) {
    return undefined;
  }
  return {
    position: data.position,
    streams: data.streams,
    events: data.events,
    root: data.root,
    sealedAt: String(data.sealedAt),
    revision: event.revision,
    ...(event.hash !== undefined && { hash: event.hash }),
  };
}

/** The latest seal that covers `position` (a seal at or before it); undefined when none does. */
export async function latestSealAtOrBefore(
  store: EventStore,
  position: number,
): Promise<RecordedSeal | undefined> {
  const head = await store.streamRevision(SEAL_STREAM);
  const page = 100;
  for (let from = head; from !== undefined && from >= 0; from -= page) {
    const events = await store.readStream(SEAL_STREAM, {
      direction: 'backwards',
      fromRevision: from,
      maxCount: page,
    });
    for (const event of events) {
      const seal = toSeal(event);
      if (seal && seal.position <= position) return seal;
    }
    if (events.length < page) break;
  }
  return undefined;
}

/** The heads of every stream, as the events are read in position order. */
export class StreamHeads {
  readonly heads = new Map<string, StreamHead>();
  events = 0;
  /** Position of the last event applied. */
  position = 0;

  apply(event: RecordedEvent): void {
    this.heads.set(event.streamId, { revision: event.revision, hash: event.hash });
    this.events++;
    this.position = event.position;
  }

  seal(sealedAt: Date): StoreSeal {
    return {
      position: this.position,
      streams: this.heads.size,
      events: this.events,
      root: merkleRoot(this.heads),
      sealedAt: sealedAt.toISOString(),
    };
  }
}

const READ_PAGE = 1000;
/**
 * Stream heads read and hashed per turn of the event loop. The api seals on its own thread in the embedded mode, and
 * a page holds that thread: 5,000 heads held it 50-90 ms at a time at 100k events (docs/performance.md,
 * "Commands"), a stall every request in flight waits out; 500 hold it a tenth as long for the same total work.
 */
const HEADS_PAGE = 500;

/** The newest seal in the seal stream (its last event), if it is one. */
export async function latestSeal(store: EventStore): Promise<RecordedSeal | undefined> {
  if ((await store.streamRevision(SEAL_STREAM)) === undefined) return undefined;
  const [last] = await store.readStream(SEAL_STREAM, { direction: 'backwards', maxCount: 1 });
  return last === undefined ? undefined : toSeal(last);
}

/**
 * Writes seals and appends them to {@link SEAL_STREAM}. One sealer at a time is enough and is what the lease gives
 * (see SealScheduler); two that race are still safe: each appends with the seal stream's exact revision, so the
 * slower one's append is refused and it skips that seal.
 *
 * Two ways to the heads. A store that keeps each stream's head (`readStreamHeads`, SQLite) is asked for them at
 * the seal's position, a page at a time in stream-id order, into a {@link MerkleRoot}: nothing is kept between
 * seals, and what is due is a count (`countEventsAfter`), so memory stays flat whatever the size of the store.
 * Otherwise (EventStoreDB) the sealer reads the log in order (from the start on its first call, then only what is
 * new) and keeps the head of every stream in memory: about 250 bytes a stream (a stream id, a 64-character hash),
 * some 100 MB for 400,000 streams, in the process that seals (the projector app in production).
 */
export class StoreSealer {
  private readonly tracker = new StreamHeads();
  private cursor?: number;
  /** The newest seal read or written. */
  latest?: RecordedSeal;
  /** Events since the latest seal's position (not counting seals); with `readStreamHeads`, at most the cap. */
  eventsSinceSeal = 0;

  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get fromHeads(): boolean {
    return this.store.readStreamHeads !== undefined && this.store.countEventsAfter !== undefined;
  }

  /**
   * Brings `latest` and `eventsSinceSeal` up to date; returns how many events it read. With `readStreamHeads` it
   * reads only the latest seal and counts the events after it, up to `cap` (a count of `cap` means at least).
   */
  async catchUp(cap = Number.MAX_SAFE_INTEGER): Promise<number> {
    if (this.fromHeads) {
      this.latest = await latestSeal(this.store);
      // The latest seal's own event comes after the position it seals: not an event to seal.
      const after = this.latest?.position ?? 0;
      const own = this.latest === undefined ? 0 : 1;
      this.eventsSinceSeal = Math.max(0, (await this.store.countEventsAfter!(after, cap + own)) - own);
      return 1;
    }
    let read = 0;
    for (;;) {
      const batch = await this.store.readAll({ after: this.cursor, maxCount: READ_PAGE });
      for (const event of batch) {
        this.tracker.apply(event);
        const seal = toSeal(event);
        if (seal) {
          this.latest = seal;
          this.eventsSinceSeal = 0;
        } else if (this.latest === undefined || event.position > this.latest.position) {
          this.eventsSinceSeal++;
        }
      }
      read += batch.length;
      if (batch.length > 0) this.cursor = batch[batch.length - 1].position;
      if (batch.length < READ_PAGE) return read;
    }
  }

  /**
   * Seals the store as it is now; undefined when nothing was appended since the latest seal, or when another
   * sealer appended a seal first.
   */
  async seal(): Promise<RecordedSeal | undefined> {
    await this.catchUp(1);
    if (this.eventsSinceSeal === 0) return undefined;
    const computed = this.fromHeads ? await this.sealFromHeads() : this.sealFromLog();
    if (computed === undefined) return undefined;
    const { seal, expected } = computed;
    const event: NewEvent = {
      id: randomUUID(),
      type: SEAL_EVENT_TYPE,
      data: seal,
      metadata: {
        occurredAt: seal.sealedAt,
        recordedAt: seal.sealedAt,
        actorId: SYSTEM_ACTOR,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        schemaVersion: 1,
      },
    };
    try {
      const result = await this.store.appendToStream(SEAL_STREAM, [event], expected);
      this.latest = { ...seal, revision: result.nextExpectedRevision };
      this.eventsSinceSeal = 0;
      return this.latest;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return undefined;
      throw error;
    }
  }

  private sealFromLog(): { seal: StoreSeal; expected: number | 'no_stream' } | undefined {
    if (this.tracker.events === 0) return undefined;
    return {
      seal: this.tracker.seal(this.now()),
      expected: this.tracker.heads.get(SEAL_STREAM)?.revision ?? 'no_stream',
    };
  }

  /**
   * The heads at the newest position, page by page; between pages the event loop serves others (the api seals in
   * the embedded mode). The seal stream's head among them is the revision the seal must follow: a seal appended
   * meanwhile by another sealer makes this one's append fail, and it is skipped.
   */
  private async sealFromHeads(): Promise<{ seal: StoreSeal; expected: number | 'no_stream' } | undefined> {
    const position = await this.store.headPosition();
    if (position === undefined) return undefined;
    const root = new MerkleRoot();
    let events = 0;
    let expected: number | 'no_stream' = 'no_stream';
    let afterStreamId: string | undefined;
    for (;;) {
      const page = await this.store.readStreamHeads!({
        atPosition: position,
        afterStreamId,
        maxCount: HEADS_PAGE,
      });
      for (const head of page) {
        root.add(head.streamId, head);
        // Revisions run from 0 without gaps: a head at revision r stands for r + 1 events.
        events += head.revision + 1;
        if (head.streamId === SEAL_STREAM) expected = head.revision;
      }
      if (page.length < HEADS_PAGE) break;
      afterStreamId = page[page.length - 1].streamId;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const sealedAt = this.now().toISOString();
    return { seal: { position, streams: root.leaves, events, root: root.digest(), sealedAt }, expected };
  }
}
