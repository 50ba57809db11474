import type { EventOf } from '@app/contracts';

/** The specs' grand café: "Slimmer werken", 120 places at the Beurs van Berlage, Amsterdam, on 22 November 2012. */
export const grandCafeScheduled = (gatheringId: string): EventOf<'GatheringScheduled'>['data'] => ({
  gatheringId,
  kind: 'grand-cafe',
  title: 'Slimmer werken',
  startsAt: '2012-11-22T15:00:00.000Z',
  venue: 'Beurs van Berlage',
  city: 'Amsterdam',
  capacity: 120,
});

/** The specs' new member: Sanne de Vries, a professional at Gemeente Utrecht (`overrides` for anyone else). */
export const sanneJoined = (
  memberId: string,
  overrides: Partial<EventOf<'MemberJoined'>['data']> = {},
): EventOf<'MemberJoined'>['data'] => ({
  memberId,
  personal: { name: 'Sanne de Vries', email: 'sanne@utrecht.nl' },
  organisation: 'Gemeente Utrecht',
  sector: 'gemeente',
  role: 'professional',
  ...overrides,
});

/** The specs' Doetank: "De gemeente zonder huis", proposed by `proposedBy` under the theme Zelforganisatie 2013. */
export const gemeenteZonderHuisProposed = (
  doetankId: string,
  proposedBy: string,
  overrides: Partial<EventOf<'DoetankProposed'>['data']> = {},
): EventOf<'DoetankProposed'>['data'] => ({
  doetankId,
  title: 'De gemeente zonder huis',
  problemStatement: 'Wat als de gemeente geen stadhuis meer heeft?',
  proposedBy,
  themeId: '2013-zelforganisatie',
  ...overrides,
});
