import { createHash } from 'node:crypto';

/**
 * The previous hash of a stream's first hashed event: revision 0, or the first event written after an upgrade
 * from a store without hashes (its chain starts there; `audit:verify` counts the events before it as unhashed).
 */
export const GENESIS_HASH = '';

/** Version tag, hashed first: a later change of what is hashed gets a new tag, and old events keep theirs. */
const HASH_VERSION = 'slimmernetwerk-event-v1';

/** What an event's hash covers, as the store keeps it: `data` and `metadata` are the stored JSON text. */
export interface HashedEvent {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/**
 * SHA-256 (hex) over the previous event's hash, the stream, the revision, the id, the type and the stored JSON of
 * data and metadata (business time included). Each part is prefixed with its UTF-8 length (`<bytes>:<part>`), so
 * no two different events hash the same text. Sealed personal data is hashed as sealed (the ciphertext), so
 * forgetting a member (its key goes, the bytes stay) leaves every hash valid. Ids are hashed in lower case, as
 * EventStoreDB answers them.
 */
export function chainHash(previousHash: string, event: HashedEvent): string {
  let text = '';
  for (const part of [
    HASH_VERSION,
    previousHash,
    event.streamId,
    String(event.revision),
    event.id.toLowerCase(),
    event.type,
    event.data,
    event.metadata,
  ]) {
    text += `${Buffer.byteLength(part)}:${part}`;
  }
  // One update with the whole text: the same bytes as one update per part, at half the cost.
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The stored JSON text of an event's data and metadata. Both adapters store exactly this (the SQLite adapter in its
 * columns, @eventstore/db-client 6.2.1 as `JSON.stringify` of data and metadata, streams/appendToStream/append.js),
 * and `JSON.stringify(JSON.parse(text))` gives `text` back for any text `JSON.stringify` wrote, so a reader
 * recomputes the hash from the parsed event.
 */
export function storedJson(event: { data: unknown; metadata: unknown }): { data: string; metadata: string } {
  return { data: JSON.stringify(event.data ?? null), metadata: JSON.stringify(event.metadata) };
}
