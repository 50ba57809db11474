/**
 * What a decider needs to know about a member who lives in another stream. The command handler reads the
 * member's stream and passes this in the command's `context`, so the decider stays pure.
 */
export type MemberStatus = 'active' | 'left' | 'forgotten' | 'unknown';

export interface MemberFacts {
  memberId: string;
  status: MemberStatus;
}
