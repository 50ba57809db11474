import { FORGOTTEN_PERSONAL_DATA } from './member.events';

/**
 * Where personal data sits in events: per event type, the field of `data` that is personal, whose key encrypts it
 * (the subject: the member it is about), and what readers get once that key is destroyed. The write path seals
 * these fields before an event is stored and every reader opens them (libs/privacy); nothing else in an event may
 * hold personal data, so forgetting a member is destroying one key.
 */
export interface PersonalDataField {
  /** The field of `data` holding the personal data (an object, sealed as a whole). */
  field: string;
  /** The person it is about: their key seals it. */
  subject: (data: Record<string, unknown>) => string;
  /** What the field reads as once the subject's key is destroyed. */
  forgotten: unknown;
}

export const PERSONAL_DATA_FIELDS: Readonly<Record<string, PersonalDataField>> = {
  MemberJoined: {
    field: 'personal',
    subject: (data) => String(data.memberId),
    forgotten: FORGOTTEN_PERSONAL_DATA,
  },
  // Who holds an e-mail claim: the claim stream is found from the address, so it must not name a forgotten member.
  EmailClaimed: { field: 'memberId', subject: claimSubject, forgotten: null },
  EmailReleased: { field: 'memberId', subject: claimSubject, forgotten: null },
};

/** A claim's own key; claims from before claim keys existed are sealed under (and forgotten with) the member's. */
function claimSubject(data: Record<string, unknown>): string {
  return String(data.claimId ?? data.memberId);
}
