/** A canonical (lower-case) UUID: stored in 16 bytes. Any other id is kept as a string. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BYTES = 16;

/** The shared, append-only storage behind one or more {@link StreamEventIds} views. */
interface Backing {
  bytes: Buffer;
  /** Ids written so far (views see a prefix of them). */
  count: number;
  /** Ids that are not canonical UUIDs, by index (their 16 bytes stay zero). */
  others?: Map<number, string>;
}

/**
 * The ids of a stream's events in order (index = revision), compactly: 16 bytes per UUID where an array of
 * `{ id, type, ... }` objects took about a hundred. The command side's state cache keeps one per cached stream, so
 * that a repeated request (same Idempotency-Key) is recognised without reading the stream; long streams kept most
 * of that cache's memory before.
 *
 * Immutable as seen from outside: `appended` returns a new view and leaves this one as it was. Views share their
 * storage while they are appended to in a line (the usual case: each append extends the newest view), so appending
 * costs the new ids only; appending to an older view copies.
 */
export class StreamEventIds {
  static readonly EMPTY = new StreamEventIds({ bytes: Buffer.alloc(0), count: 0 }, 0);

  private constructor(
    private readonly backing: Backing,
    readonly length: number,
  ) {}

  static of(ids: readonly string[]): StreamEventIds {
    return StreamEventIds.EMPTY.appended(ids);
  }

  /** A view with `ids` after this one's. */
  appended(ids: readonly string[]): StreamEventIds {
    if (ids.length === 0) return this;
    const length = this.length + ids.length;
    let backing = this.backing;
    const extendsInPlace = backing.count === this.length && backing.bytes.length >= length * BYTES;
    if (!extendsInPlace) {
      const bytes = Buffer.allocUnsafeSlow(
        Math.max(4, length + (backing.count === this.length ? this.length : 0)) * BYTES,
      );
      this.backing.bytes.copy(bytes, 0, 0, this.length * BYTES);
      const others =
        this.backing.others && new Map([...this.backing.others].filter(([i]) => i < this.length));
      backing = { bytes, count: this.length, ...(others && others.size > 0 && { others }) };
    }
    ids.forEach((id, i) => write(backing, this.length + i, id));
    backing.count = length;
    return new StreamEventIds(backing, length);
  }

  /** Index (revision) of the first event with this id, or -1. */
  indexOf(id: string): number {
    if (!UUID.test(id)) {
      for (const [index, other] of this.backing.others ?? [])
        if (index < this.length && other === id) return index;
      return -1;
    }
    const needle = Buffer.from(id.replace(/-/g, ''), 'hex');
    const haystack = this.backing.bytes.subarray(0, this.length * BYTES);
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      // A match across two ids, or the zero bytes standing for an id kept as a string, is not one.
      if (at % BYTES === 0 && !this.backing.others?.has(at / BYTES)) return at / BYTES;
    }
    return -1;
  }

  has(id: string): boolean {
    return this.indexOf(id) >= 0;
  }

  /** The id at `index` (as it was given). */
  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const other = this.backing.others?.get(index);
    if (other !== undefined) return other;
    const hex = this.backing.bytes.toString('hex', index * BYTES, (index + 1) * BYTES);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

function write(backing: Backing, index: number, id: string): void {
  const offset = index * BYTES;
  if (UUID.test(id)) {
    backing.bytes.write(id.replace(/-/g, ''), offset, BYTES, 'hex');
    backing.others?.delete(index);
    return;
  }
  backing.bytes.fill(0, offset, offset + BYTES);
  (backing.others ??= new Map()).set(index, id);
}
