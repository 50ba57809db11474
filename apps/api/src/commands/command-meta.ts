/** Who, when and why of one command, taken from the request (or an import line) and written into every event. */
export interface CommandMeta {
  /** Member id of the acting party, or `system`. */
  actorId: string;
  /** Who recorded it on the actor's behalf (a coordinator importing history), when not the actor. */
  recordedBy?: string;
  /** ISO-8601 business time, normalised to UTC (`toISOString()`). */
  occurredAt: string;
  correlationId: string;
  /** Id of the message that caused this command (the request id for HTTP). */
  causationId: string;
  /** Client-chosen key; makes event ids and new aggregate ids deterministic. */
  idempotencyKey?: string;
}

/** What a command endpoint answers: where the events went, for audit links and read-your-writes. */
export interface CommandResult {
  streamId: string;
  aggregateId: string;
  /** Revision of the stream after the command. */
  revision: number;
  /** Global position of the last event written (or of the stream's last event when nothing was written). */
  position: number;
  events: { id: string; type: string; revision: number }[];
}
