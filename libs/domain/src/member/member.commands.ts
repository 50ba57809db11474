import type { MemberRole, PersonalData, Sector } from '@app/contracts';

export interface JoinNetwork {
  type: 'JoinNetwork';
  data: { memberId: string; personal: PersonalData; organisation: string; sector: Sector; role: MemberRole };
}

export interface ChangeAffiliation {
  type: 'ChangeAffiliation';
  data: { memberId: string; organisation: string; sector: Sector; role: MemberRole };
}

export interface LeaveNetwork {
  type: 'LeaveNetwork';
  data: { memberId: string; reason?: string };
}

export interface ForgetMember {
  type: 'ForgetMember';
  data: { memberId: string; reason: string };
}

/** `revokedAt` is the api's clock (tokens' `iat` is real time), not the command's business time. */
export interface RevokeMemberTokens {
  type: 'RevokeMemberTokens';
  data: { memberId: string; revokedAt: string; reason?: string };
}

export type MemberCommand =
  JoinNetwork | ChangeAffiliation | LeaveNetwork | ForgetMember | RevokeMemberTokens;

/** Commands of the e-mail claim stream (`member_email-<hash>`): one membership per e-mail address. */
export interface ClaimEmail {
  type: 'ClaimEmail';
  data: { emailHash: string; memberId: string };
  /** Status of the member currently holding the claim, if any (read from that member's stream). */
  context: { holder?: import('../shared/member-status').MemberFacts };
}

export interface ReleaseEmail {
  type: 'ReleaseEmail';
  data: { emailHash: string; memberId: string };
}

export type EmailClaimCommand = ClaimEmail | ReleaseEmail;
