/**
 * Who gives a command, as the API authenticated them (from the bearer token, never from the body). Deciders use it
 * for rules about who may do what that depend on the aggregate's state ("only the proposer or the coach"), so
 * those are decided on the same state as the rest of the command and cannot race with a change of it.
 */
export interface Actor {
  /** The acting member (the token's subject). */
  memberId: string;
  /** Sent with a coordinator's token: coordinators are held to no member rule. */
  actsAsCoordinator: boolean;
}
