/**
 * Remembers the answer to a command sent with an `Idempotency-Key`, so a repeated request gets the first answer
 * and writes nothing, also after a restart. Event ids derived from the key make the write itself idempotent
 * (see CommandRunner); this store makes the answer identical.
 *
 * A record is kept for IDEMPOTENCY_RETENTION_HOURS only (its fingerprint hashes the request body, which may hold
 * personal data), and ForgetMember deletes the records that concern the member at once.
 */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export interface IdempotencyRecord {
  key: string;
  /** Hash of what was asked (method, route, actor, body): the same key with another request is refused. */
  fingerprint: string;
  statusCode: number;
  body: unknown;
  createdAt: string;
  /** From then on (ISO-8601) the record is gone: a request with its key is decided afresh. */
  expiresAt: string;
  /** The members the request concerns (its sender, whom it acts for, member ids in its path, body and answer). */
  subjects: string[];
}

export interface IdempotencyStore {
  /** The record of the key, unless there is none or it has expired by `now` (ISO-8601). */
  get(key: string, now: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Stores the record unless one with this key exists that has not expired by the record's `createdAt` (an
   * expired one is replaced); returns the record that is stored.
   */
  putIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord>;
  /** Deletes every record that concerns the member (ForgetMember): none of their requests stays fingerprinted. */
  forgetSubject(subjectId: string): Promise<void>;
}
