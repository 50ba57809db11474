// Keyset cursors: the sort values and id of the last document of a page, base64url-encoded JSON. Opaque to callers;
// the sort signature inside makes a cursor useless with another sort instead of silently wrong.
import { InvalidCursorError } from './read-store.port';

/** A sort value as an adapter compares it; `null` stands for null or missing. */
export type CursorValue = string | number | boolean | null;

export interface CursorPosition {
  /** One value per sort key before the id tie-breaker. */
  values: CursorValue[];
  id: string;
}

interface CursorBody {
  v: 1;
  s: string;
  k: CursorValue[];
  i: string;
}

const MAX_CURSOR_LENGTH = 16_384;

const isCursorValue = (value: unknown): value is CursorValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

export function encodeCursor(signature: string, position: CursorPosition): string {
  const body: CursorBody = { v: 1, s: signature, k: position.values, i: position.id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same sort; throws {@link InvalidCursorError} otherwise.
 * `valueCount` is the number of sort keys before the id.
 */
export function decodeCursor(cursor: unknown, signature: string, valueCount: number): CursorPosition {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) {
    throw new InvalidCursorError('not a cursor string');
  }
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError('not base64url');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('unreadable');
  }
  if (typeof body !== 'object' || body === null) throw new InvalidCursorError('unreadable');
  const { v, s, k, i } = body as Partial<CursorBody>;
  if (v !== 1) throw new InvalidCursorError('unknown format');
  if (s !== signature) throw new InvalidCursorError('it belongs to a query with another sort');
  if (!Array.isArray(k) || k.length !== valueCount || !k.every(isCursorValue)) {
    throw new InvalidCursorError('malformed sort values');
  }
  if (typeof i !== 'string' || i.length === 0) throw new InvalidCursorError('malformed id');
  return { values: k, id: i };
}
