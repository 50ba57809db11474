import type {
  EmailClaimed,
  EmailReleased,
  MemberAffiliationChanged,
  MemberForgotten,
  MemberLeft,
  MemberRole,
  PersonalData,
  Sector,
} from '@app/contracts';

export interface JoinNetwork {
  type: 'JoinNetwork';
  data: { memberId: string; personal: PersonalData; organisation: string; sector: Sector; role: MemberRole };
}

export interface ChangeAffiliation {
  type: 'ChangeAffiliation';
  data: MemberAffiliationChanged['data'];
}

export interface LeaveNetwork {
  type: 'LeaveNetwork';
  data: MemberLeft['data'];
}

export interface ForgetMember {
  type: 'ForgetMember';
  data: MemberForgotten['data'];
}

export type MemberCommand = JoinNetwork | ChangeAffiliation | LeaveNetwork | ForgetMember;

/** Commands of the e-mail claim stream (`member_email-<hash>`): one membership per e-mail address. */
export interface ClaimEmail {
  type: 'ClaimEmail';
  data: EmailClaimed['data'];
  /** Status of the member currently holding the claim, if any (read from that member's stream). */
  context: { holder?: import('../shared/member-status').MemberFacts };
}

export interface ReleaseEmail {
  type: 'ReleaseEmail';
  data: EmailReleased['data'];
}

export type EmailClaimCommand = ClaimEmail | ReleaseEmail;
