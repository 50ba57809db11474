import type { Actor } from '@app/domain';

/** Who, when and why of one command, taken from the request (or an import line) and written into every event. */
export interface CommandMeta {
  /** Member id of the acting party, or `system`. */
  actorId: string;
  /** Who recorded it on the actor's behalf (a coordinator importing history), when not the actor. */
  recordedBy?: string;
  /**
   * Sent with a coordinator's token (also when it records what someone else did): coordinators are held to no
   * member rule. The deciders that have rules about who may act get it with the actor ({@link actorOf}).
   */
  actsAsCoordinator: boolean;
  /** ISO-8601 business time, normalised to UTC (`toISOString()`). */
  occurredAt: string;
  correlationId: string;
  /** Id of the message that caused this command (the request id for HTTP). */
  causationId: string;
  /** Client-chosen key; makes event ids and new aggregate ids deterministic. */
  idempotencyKey?: string;
}

/**
 * The sender of the command, for a decider's rules about who may act on the state it decides on (the Doetank's
 * lead). A member's `actorId` is their own token's subject (AuthGuard refuses X-Actor-Id naming anyone else); a
 * coordinator recording for someone else acts with a coordinator's authority.
 */
export const actorOf = (meta: CommandMeta): Actor => ({
  memberId: meta.actorId,
  actsAsCoordinator: meta.actsAsCoordinator,
});

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
