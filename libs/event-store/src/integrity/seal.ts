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
  const ids = [...heads.keys()].sort();
  if (ids.length === 0) return sha256().toString('hex');
  let level = ids.map((id) => leafHash(id, heads.get(id)!));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sha256('\x01', level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
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
 * Writes seals: keeps the head of every stream by reading the store's events in order (from the start on the first
 * call, then only what is new), and appends a seal of them to {@link SEAL_STREAM}. One sealer at a time is enough
 * and is what the lease gives (see SealScheduler); two that race are still safe: each appends with the seal
 * stream's exact revision, so the slower one's append is refused and it skips that seal.
 */
export class StoreSealer {
  private readonly tracker = new StreamHeads();
  private cursor?: number;
  /** The newest seal read or written. */
  latest?: RecordedSeal;
  /** Events read since the latest seal's position (not counting seals). */
  eventsSinceSeal = 0;

  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads the events appended since the last call; returns how many. */
  async catchUp(): Promise<number> {
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
    await this.catchUp();
    if (this.tracker.events === 0 || this.eventsSinceSeal === 0) return undefined;
    const seal = this.tracker.seal(this.now());
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
    const expected = this.tracker.heads.get(SEAL_STREAM)?.revision ?? 'no_stream';
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
}
