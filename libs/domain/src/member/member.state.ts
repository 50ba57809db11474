import type { MemberRole, Sector } from '@app/contracts';

/** Where the member works, as the network records it. */
export interface Affiliation {
  organisation: string;
  sector: Sector;
  role: MemberRole;
}

/**
 * A member as the domain needs to know them. Personal data (name, e-mail) never enters the state: no rule needs
 * it, and a state that never held it cannot leak it after the member is forgotten. `joinedAt` is the business time
 * of joining the network (when the events were folded with their times): what a member does comes after it.
 */
export type MemberState =
  | { status: 'none' }
  | ({ status: 'active'; memberId: string; joinedAt?: string } & Affiliation & TokenRevocation)
  // A member who left or was forgotten keeps when they joined: a correction of something they did is held to it.
  | ({ status: 'left'; memberId: string; joinedAt?: string } & TokenRevocation)
  | ({ status: 'forgotten'; memberId: string; joinedAt?: string } & TokenRevocation);

/** The member's tokens issued in or before the second of `tokensRevokedAt` are refused (the latest revocation). */
export interface TokenRevocation {
  tokensRevokedAt?: string;
}

export type ActiveMember = Extract<MemberState, { status: 'active' }>;

/** The state of an e-mail claim stream (`member_email-<hash>`): which member holds the address, if any. */
export type EmailClaimState =
  | { status: 'unclaimed' }
  | {
      status: 'claimed';
      emailHash: string;
      /** null: the claim's key is destroyed, its member forgotten (the address is free). */
      memberId: string | null;
      claimId?: string;
      claimedAt?: string;
    };
