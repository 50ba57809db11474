import type { MemberRole, Sector } from '../vocabulary';
import type { BusinessTimeCorrected } from './doetank.events';

/** Personal data of a member: the only fields erased when a member is forgotten. */
export interface PersonalData {
  name: string;
  email: string;
}

/**
 * Personal data whose key was destroyed (the member was forgotten): what every reader gets instead of the name and
 * e-mail address, also in a rebuild years later. Never an error: the history stays readable.
 */
export interface ForgottenPersonalData {
  name: null;
  email: null;
}

export const FORGOTTEN_PERSONAL_DATA: ForgottenPersonalData = Object.freeze({ name: null, email: null });

/**
 * In the store, `personal` is sealed (AES-256-GCM with the member's own key, see libs/privacy and
 * {@link PERSONAL_DATA_FIELDS}); readers get it opened: the plain data, or {@link ForgottenPersonalData} once the
 * key is destroyed.
 */
export interface MemberJoined {
  type: 'MemberJoined';
  data: {
    memberId: string;
    personal: PersonalData | ForgottenPersonalData;
    organisation: string;
    sector: Sector;
    role: MemberRole;
  };
}

export interface MemberAffiliationChanged {
  type: 'MemberAffiliationChanged';
  data: { memberId: string; organisation: string; sector: Sector; role: MemberRole };
}

export interface MemberLeft {
  type: 'MemberLeft';
  data: { memberId: string; reason?: string };
}

export interface MemberForgotten {
  type: 'MemberForgotten';
  data: { memberId: string; reason: string };
}

/**
 * A coordinator revoked the member's bearer tokens: every token issued (`iat`) in or before the second of
 * `revokedAt` (the api's clock when it was recorded) is refused from then on. Not an activity of the network:
 * no read model shows it.
 */
export interface MemberTokensRevoked {
  type: 'MemberTokensRevoked';
  data: { memberId: string; revokedAt: string; reason?: string };
}

/**
 * A business time recorded wrongly on a member's stream, corrected: the same event as a Doetank's correction
 * (`BusinessTimeCorrected`: revision, type, id and old and new time of the corrected event, reason), naming the
 * member instead of the Doetank. Readers tell it apart by the event's stream (`member-<id>`).
 */
export interface MemberBusinessTimeCorrected {
  type: 'BusinessTimeCorrected';
  data: Omit<BusinessTimeCorrected['data'], 'doetankId'> & { memberId: string };
}

export type MemberEvent =
  | MemberJoined
  | MemberAffiliationChanged
  | MemberLeft
  | MemberForgotten
  | MemberTokensRevoked
  | MemberBusinessTimeCorrected;

/**
 * Claims of an e-mail address, in a stream of their own per address (keyed hash), so that "one membership per
 * e-mail address" holds across member streams without a read model.
 *
 * The stream's name can be computed from a guessed address by whoever holds the hash key, so the claim names its
 * member only sealed (`memberId` is personal data, see PERSONAL_DATA_FIELDS) under a key of the claim's own
 * (`claimId`), which ForgetMember destroys: afterwards `memberId` reads as null and the address leads to nobody.
 * Claims written before this (no `claimId`) hold `memberId` in plain text, sealed under the member's key.
 */
export interface EmailClaimed {
  type: 'EmailClaimed';
  data: {
    emailHash: string;
    /** The holder; null once the claim's key is destroyed (the member was forgotten). */
    memberId: string | null;
    /** Random id of this claim: the subject whose key seals `memberId`. */
    claimId?: string;
    /** When it was claimed (ISO-8601): a claim whose member never joined is a lease that runs out. */
    claimedAt?: string;
  };
}

export interface EmailReleased {
  type: 'EmailReleased';
  data: { emailHash: string; memberId: string | null; claimId?: string };
}

export type EmailClaimEvent = EmailClaimed | EmailReleased;
