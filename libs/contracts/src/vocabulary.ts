/** Closed vocabularies of the network, shared by the domain, the API and the read models. */

export const SECTORS = [
  'rijk',
  'provincie',
  'gemeente',
  'waterschap',
  'politie',
  'uitvoeringsorganisatie',
  'overig',
] as const;
export type Sector = (typeof SECTORS)[number];

export const MEMBER_ROLES = ['professional', 'manager', 'administrator'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const RESULT_KINDS = ['business-case', 'film', 'report', 'tool', 'lesson'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export const GATHERING_KINDS = ['cafe', 'grand-cafe', 'masterclass'] as const;
export type GatheringKind = (typeof GATHERING_KINDS)[number];

/** First and last year the network accepts for a network-year stream. */
export const FIRST_NETWORK_YEAR = 2000;
export const LAST_NETWORK_YEAR = 2100;
