import type { MemberRole, Sector } from '../vocabulary';

/** Logical read-store collection of the member directory: one document per member. */
export const MEMBERS_COLLECTION = 'members';

export const MEMBER_STATUSES = ['active', 'left', 'forgotten'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * A member in the directory. `name` and `email` are personal data: null once the member is forgotten (the API
 * shows "forgotten member"); the organisation, sector and role are not personal data and stay.
 */
export type MemberDocument = {
  /** The member id. */
  id: string;
  name: string | null;
  /** What the name is found by as someone types it (`nameKeys` of the projections); empty once forgotten. */
  nameKeys?: string[];
  email: string | null;
  organisation: string;
  sector: Sector;
  role: MemberRole;
  status: MemberStatus;
  /** Business times (ISO-8601, UTC). */
  joinedAt: string;
  leftAt?: string;
  forgottenAt?: string;
  /** Doetanks they are a member or the coach of: the union of `memberOf` and `coachOf`. */
  doetankIds: string[];
  /** Doetanks they are a member of (proposing one makes them its first member). */
  memberOf: string[];
  /** Doetanks they currently coach. */
  coachOf: string[];
  lastEventPosition: number;
};
