import { CommandContextError } from './command-context-error';

/**
 * What a decider needs to know about a member who lives in another stream. The command handler reads the
 * member's stream and passes this in the command's `context`, so the decider stays pure.
 */
export type MemberStatus = 'active' | 'left' | 'forgotten' | 'unknown';

export interface MemberFacts {
  memberId: string;
  status: MemberStatus;
  /** Business time the member joined the network (when known: unknown members never did). */
  joinedAt?: string;
}

/**
 * Returns the facts if they are about `memberId`. Facts about someone else would let a decider approve an
 * action on the strength of another member's status, so that is refused loudly as a handler bug.
 */
export const factsAbout = (
  commandType: string,
  facts: MemberFacts | undefined,
  memberId: string,
): MemberFacts => {
  if (!facts) throw new CommandContextError(commandType, `no member facts for ${memberId} in the context`);
  if (facts.memberId !== memberId) {
    throw new CommandContextError(
      commandType,
      `context holds facts about ${facts.memberId}, not about ${memberId}`,
    );
  }
  return facts;
};
