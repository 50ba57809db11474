/**
 * Metadata every stored event carries: who (actorId), when in business time (occurredAt) and when it was
 * written (recordedAt), and why (correlationId: the request or import that started it; causationId: the
 * message that directly caused it). Timelines and retrospectives use occurredAt, never recordedAt.
 */
export interface EventMetadata {
  /** ISO-8601 business time: when it happened in the network. */
  occurredAt: string;
  /** ISO-8601 time the event was written to the store. */
  recordedAt: string;
  /** Member id of whoever acted (the bearer token's subject), or `system` for the system itself. */
  actorId: string;
  /**
   * The token's subject when it differs from `actorId`: a coordinator (or an import with a service token) that
   * recorded what `actorId` did, with `X-Actor-Id`. Absent when the actor recorded it themselves.
   */
  recordedBy?: string;
  correlationId: string;
  causationId: string;
  /** Version of the event's data schema; upcasters lift older versions on read. */
  schemaVersion: number;
}

export const SYSTEM_ACTOR = 'system';
