import type {
  MemberAffiliationChanged,
  MemberForgotten,
  MemberLeft,
  MemberRole,
  MemberTokensRevoked,
  PersonalData,
  Sector,
} from '@app/contracts';
import type { CorrectedEvent, StreamClock } from '../shared/business-time';
import type { Recording } from '../shared/decider';
import type { MemberActs } from './member-acts';

export interface JoinNetwork {
  type: 'JoinNetwork';
  data: { memberId: string; personal: PersonalData; organisation: string; sector: Sector; role: MemberRole };
}

export type ChangeAffiliation = Recording<'ChangeAffiliation', MemberAffiliationChanged>;

export type LeaveNetwork = Recording<'LeaveNetwork', MemberLeft>;

export type ForgetMember = Recording<'ForgetMember', MemberForgotten>;

/** `revokedAt` is the api's clock (tokens' `iat` is real time), not the command's business time. */
export type RevokeMemberTokens = Recording<'RevokeMemberTokens', MemberTokensRevoked>;

/**
 * Corrects the business time of the event at `revision` of a member's stream (a coordinator's act, audited as its
 * own event), like `CorrectBusinessTime` on a Doetank's. Named for its stream, because the import routes commands
 * by name.
 */
export interface CorrectMemberBusinessTime {
  type: 'CorrectMemberBusinessTime';
  data: { memberId: string; revision: number; correctedTo: string; reason: string };
  context: {
    clock: StreamClock;
    /** The member's stream as stored, in revision order (short: a member's own events). */
    history: readonly CorrectedEvent[];
    /**
     * The member's first and last act in other streams (`memberActsOf`, from the event log), needed when a joining
     * moves later or a leaving earlier (`needsActsElsewhere`); absent otherwise.
     */
    actsElsewhere?: MemberActs;
  };
}

export type MemberCommand =
  | JoinNetwork
  | ChangeAffiliation
  | LeaveNetwork
  | ForgetMember
  | RevokeMemberTokens
  | CorrectMemberBusinessTime;

/** Commands of the e-mail claim stream (`member_email-<hash>`): one membership per e-mail address. */
export interface ClaimEmail {
  type: 'ClaimEmail';
  /** `claimId`: a fresh random id (the key that seals the holder); `claimedAt`: now (ISO-8601). */
  data: { emailHash: string; memberId: string; claimId: string; claimedAt: string };
  context: {
    /** Status of the member currently holding the claim, if any (read from that member's stream). */
    holder?: import('../shared/member-status').MemberFacts;
    /**
     * A claim whose member does not exist (yet) stays its claimant's for a lease: the member is being written
     * right now, or its join crashed between the claim and the member. Claims made before this moment (ISO-8601,
     * UTC as `toISOString()` writes it: now minus the lease) have run out theirs; another member may take them.
     */
    leaseCutoff: string;
  };
}

export interface ReleaseEmail {
  type: 'ReleaseEmail';
  data: { emailHash: string; memberId: string };
}

export type EmailClaimCommand = ClaimEmail | ReleaseEmail;
