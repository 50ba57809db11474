/**
 * Remembers the answer to a command sent with an `Idempotency-Key`, so a repeated request gets the first answer
 * and writes nothing, also after a restart. Event ids derived from the key make the write itself idempotent
 * (see CommandRunner); this store makes the answer identical.
 */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export interface IdempotencyRecord {
  key: string;
  /** Hash of what was asked (method, route, actor, body): the same key with another request is refused. */
  fingerprint: string;
  statusCode: number;
  body: unknown;
  createdAt: string;
}

export interface IdempotencyStore {
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /** Stores the record unless one with this key exists; returns the record that is stored. */
  putIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord>;
}
