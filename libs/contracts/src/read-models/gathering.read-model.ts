import type { GatheringKind } from '../vocabulary';

/** Logical read-store collection of gatherings (Cafés, Grand Cafés, Masterclasses). */
export const GATHERINGS_COLLECTION = 'gatherings';

export const GATHERING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type GatheringStatus = (typeof GATHERING_STATUSES)[number];

export type GatheringProgrammeItemView = {
  itemId: string;
  title: string;
  speaker?: string;
  /** A Doetank the item spotlights. */
  doetankId?: string;
};

/** A gathering as the API shows it. */
export type GatheringDocument = {
  /** The gathering id. */
  id: string;
  kind: GatheringKind;
  title: string;
  /** ISO-8601 (UTC). */
  startsAt: string;
  /** Calendar year of `startsAt` (UTC). */
  year: number;
  venue: string;
  city?: string;
  capacity: number;
  status: GatheringStatus;
  registeredMemberIds: string[];
  registeredCount: number;
  /** Who attended, as recorded when it was held (they need not have registered). */
  attendeeIds: string[];
  attendedCount: number;
  heldOn?: string;
  cancelReason?: string;
  programme: GatheringProgrammeItemView[];
  /** Its report (`GatheringReportRecorded`, the last one recorded), when one was written. */
  report?: {
    summary: string;
    links: { title: string; url: string; maker?: string }[];
    quotes: { text: string; speaker: string; role?: string }[];
    guests?: number;
  };
  lastEventPosition: number;
};
