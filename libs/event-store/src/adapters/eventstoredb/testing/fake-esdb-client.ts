// An in-memory stand-in for EventStoreDBClient with EventStoreDB's rules as its documentation and server code
// describe them (expected revisions, idempotent repeats, commit positions, inclusive read positions that must be
// record boundaries, catch-up subscriptions with a CaughtUp signal). It checks the adapter's logic without a
// server; it is not evidence that the adapter works against one.
import { Transform } from 'node:stream';
import type { EventStoreDBClient } from '@eventstore/db-client';

interface StoredEvent {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  isJson: true;
  created: Date;
  position: { commit: bigint; prepare: bigint };
}

interface EventData {
  id: string;
  type: string;
  data: unknown;
  metadata?: unknown;
}

type Filter = { filterOn: 'streamName' | 'eventType'; prefixes?: string[]; regex?: string };

const error = (type: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(type), { type, ...extra });

/** A catch-up subscription as the client builds it: a Transform that turns server messages into events. */
export class FakeSubscription extends Transform {
  unsubscribed = false;
  constructor() {
    super({ objectMode: true });
  }
  override _transform(
    message: { event?: StoredEvent; caughtUp?: true; fellBehind?: true },
    _: BufferEncoding,
    next: () => void,
  ): void {
    if (message.caughtUp) this.emit('caughtUp');
    if (message.fellBehind) this.emit('fellBehind');
    if (message.event) this.push({ event: message.event, commitPosition: message.event.position.commit });
    next();
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.end();
  }
}

/** A read as the client returns it: iterable, cancellable; with `hang`, one that never yields until cancelled. */
function streamingRead(events: StoredEvent[], failure?: Error, hang?: { cancelled: number }) {
  let cancelled = false;
  let wake: (() => void) | undefined;
  return {
    cancelled: () => cancelled,
    async cancel() {
      if (!cancelled && hang) hang.cancelled++;
      cancelled = true;
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      if (hang) {
        await new Promise<void>((resolve) => (wake = resolve));
        return;
      }
      if (failure) throw failure;
      for (const event of events) {
        if (cancelled) return;
        yield { event, commitPosition: event.position.commit };
      }
    },
  };
}

export class FakeEsdbClient {
  readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  readonly subscriptions: { sub: FakeSubscription; filter?: Filter; live: boolean }[] = [];
  private nextPosition = 1000n;
  /** Ids of recent writes, as ESDB's committed-events cache (for `any`). */
  private readonly recentIds = new Map<string, StoredEvent>();
  disposed = false;
  /** Calls of readStream and readAll, and of appendToStream: the round trips the adapter makes. */
  reads = 0;
  appends = 0;
  /** The options of every readAll call. */
  readAllCalls: { direction?: string; fromPosition?: unknown; maxCount?: number }[] = [];
  /**
   * A node that accepts calls and never answers: reads wait until cancelled (`hung.cancelled` counts them), appends
   * for ever. Subscriptions are never confirmed.
   */
  hanging = false;
  readonly hung = { cancelled: 0 };
  /** Answers an idempotent repeat without a usable position (the server's -1 for "unknown", as an unsigned 64-bit). */
  repeatsWithoutPosition = false;

  /** `chunkSize`: every multiple of it is a record start too, as chunks start with a record. */
  constructor(private readonly chunkSize = 256 * 1024 * 1024) {
    this.write('$stats-node', [{ id: crypto.randomUUID(), type: '$statsCollected', data: {} }]);
  }

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  async appendToStream(
    streamId: string,
    events: EventData[],
    {
      expectedRevision,
    }: { expectedRevision: 'any' | 'no_stream' | 'stream_exists' | bigint; deadline?: number },
  ) {
    this.appends++;
    if (this.hanging) return new Promise<never>(() => undefined);
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    const wrong = () =>
      error('wrong-expected-version', {
        actualVersion: current < 0 ? 'no_stream' : BigInt(current),
        expectedVersion: expectedRevision,
      });
    const success = (last: number, position?: bigint) => ({
      success: true,
      nextExpectedRevision: BigInt(last),
      position: position === undefined ? undefined : { commit: position, prepare: position },
    });
    if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
      if (expectedRevision === 'stream_exists' && current < 0) throw wrong();
      const found = events.map((e) => this.recentIds.get(e.id));
      if (found[0] && found[0].streamId === streamId) {
        if (found.every((f) => f && f.streamId === streamId)) {
          return success(Number(found[found.length - 1]!.revision), found[0].position.commit);
        }
        throw wrong();
      }
    } else {
      const expected = expectedRevision === 'no_stream' ? -1 : Number(expectedRevision);
      if (expected < current) {
        const there = stream.slice(expected + 1, expected + 1 + events.length);
        if (there.length === events.length && there.every((s, i) => s.id === events[i].id)) {
          const unknown = 2n ** 64n - 1n;
          return success(
            expected + events.length,
            this.repeatsWithoutPosition ? unknown : there[0].position.commit,
          );
        }
        throw wrong();
      }
      if (expected !== current) throw wrong();
    }
    const written = this.write(streamId, events);
    // Like the server: the position of the transaction (its first record), not necessarily of the last event.
    return success(Number(written[written.length - 1].revision), written[0].position.commit);
  }

  readStream(
    streamId: string,
    options: {
      direction?: 'forwards' | 'backwards';
      fromRevision?: 'start' | 'end' | bigint;
      maxCount?: number;
    } = {},
  ) {
    this.reads++;
    if (this.hanging) return streamingRead([], undefined, this.hung);
    const stream = this.streams.get(streamId);
    if (!stream) return streamingRead([], error('stream-not-found', { streamName: streamId }));
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from =
        options.fromRevision === undefined || options.fromRevision === 'end'
          ? stream.length - 1
          : Number(options.fromRevision);
      return streamingRead(
        stream
          .slice(0, from + 1)
          .reverse()
          .slice(0, max),
      );
    }
    const from =
      options.fromRevision === undefined || options.fromRevision === 'start'
        ? 0
        : Number(options.fromRevision);
    return streamingRead(stream.slice(from, from + max));
  }

  readAll(
    options: {
      direction?: 'forwards' | 'backwards';
      fromPosition?: 'start' | 'end' | { commit: bigint; prepare: bigint };
      maxCount?: number;
    } = {},
  ) {
    this.reads++;
    this.readAllCalls.push(options);
    if (this.hanging) return streamingRead([], undefined, this.hung);
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromPosition;
    if (from && typeof from === 'object' && !this.isRecordStart(from.commit)) {
      return streamingRead([], error('unknown', { message: 'Invalid position' }));
    }
    if (options.direction === 'backwards') {
      const events = [...this.log]
        .reverse()
        .filter(
          (e) =>
            from === undefined ||
            from === 'end' ||
            typeof from !== 'object' ||
            e.position.commit <= from.commit,
        );
      return streamingRead(events.slice(0, max));
    }
    const events = this.log.filter((e) => typeof from !== 'object' || e.position.commit >= from.commit);
    return streamingRead(events.slice(0, max));
  }

  subscribeToAll(options: { fromPosition?: 'start' | { commit: bigint }; filter?: Filter } = {}) {
    const sub = new FakeSubscription();
    const entry = { sub, filter: options.filter, live: false };
    this.subscriptions.push(entry);
    const from = options.fromPosition;
    if (this.hanging) return sub;
    setImmediate(() => {
      sub.emit('confirmation');
      for (const event of this.log) {
        if (typeof from === 'object' && event.position.commit <= from.commit) continue;
        if (this.passes(event, entry.filter)) sub.write({ event });
      }
      sub.write({ caughtUp: true });
      entry.live = true;
    });
    return sub;
  }

  /** Drops every open subscription as a server restart would. */
  dropSubscriptions(type = 'unavailable'): void {
    for (const entry of this.subscriptions.splice(0)) entry.sub.emit('error', error(type));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private isRecordStart(commit: bigint): boolean {
    return commit % BigInt(this.chunkSize) === 0n || this.log.some((e) => e.position.commit === commit);
  }

  private passes(event: StoredEvent, filter?: Filter): boolean {
    if (!filter) return true;
    const value = filter.filterOn === 'streamName' ? event.streamId : event.type;
    if (filter.prefixes) return filter.prefixes.some((prefix) => value.startsWith(prefix));
    return new RegExp(filter.regex!).test(value);
  }

  private write(streamId: string, events: EventData[]): StoredEvent[] {
    const stream = this.streams.get(streamId) ?? [];
    const written = events.map((e) => {
      // Records take some bytes each: positions are sparse, as in a real transaction log.
      this.nextPosition += 97n + BigInt(JSON.stringify(e.data ?? null).length);
      const stored: StoredEvent = {
        streamId,
        id: e.id.toLowerCase(),
        type: e.type,
        revision: BigInt(stream.length),
        data: JSON.parse(JSON.stringify(e.data ?? null)),
        metadata: e.metadata === undefined ? undefined : JSON.parse(JSON.stringify(e.metadata)),
        isJson: true,
        created: new Date(),
        position: { commit: this.nextPosition, prepare: this.nextPosition },
      };
      stream.push(stored);
      this.log.push(stored);
      this.recentIds.set(stored.id, stored);
      return stored;
    });
    this.streams.set(streamId, stream);
    for (const entry of this.subscriptions) {
      if (!entry.live) continue;
      for (const event of written) if (this.passes(event, entry.filter)) entry.sub.write({ event });
    }
    return written;
  }
}
