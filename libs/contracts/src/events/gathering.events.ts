import type { GatheringKind } from '../vocabulary';
import type { BusinessTimeCorrected } from './doetank.events';

export interface GatheringScheduled {
  type: 'GatheringScheduled';
  data: {
    gatheringId: string;
    kind: GatheringKind;
    title: string;
    /** ISO-8601 start of the gathering. */
    startsAt: string;
    venue: string;
    city?: string;
    capacity: number;
  };
}

export interface ParticipantRegistered {
  type: 'ParticipantRegistered';
  data: { gatheringId: string; memberId: string };
}

export interface RegistrationCancelled {
  type: 'RegistrationCancelled';
  data: { gatheringId: string; memberId: string; reason?: string };
}

export interface ProgrammeItemAdded {
  type: 'ProgrammeItemAdded';
  data: { gatheringId: string; itemId: string; title: string; speaker?: string; doetankId?: string };
}

export interface GatheringHeld {
  type: 'GatheringHeld';
  data: { gatheringId: string; attendees: string[]; heldOn: string };
}

/** A link in a gathering's report: a video, photos, slides, a film; `maker`: who made it (free text). */
export interface GatheringReportLink {
  title: string;
  url: string;
  maker?: string;
}

/** A quote from a gathering; `role`: the speaker's function or organisation (free text, need not be a member). */
export interface GatheringQuote {
  text: string;
  speaker: string;
  role?: string;
}

/**
 * The report of a held gathering: what happened (the editor's text), links to media, quotes, and the guests who
 * came without being members (they are not in the attendance list). Recording it again replaces it.
 */
export interface GatheringReportRecorded {
  type: 'GatheringReportRecorded';
  data: {
    gatheringId: string;
    summary: string;
    links: GatheringReportLink[];
    quotes: GatheringQuote[];
    guests?: number;
  };
}

export interface GatheringCancelled {
  type: 'GatheringCancelled';
  data: { gatheringId: string; reason: string };
}

/**
 * A business time recorded wrongly on a gathering's stream, corrected: the same event as a Doetank's correction
 * (`BusinessTimeCorrected`: revision, type, id and old and new time of the corrected event, reason), naming the
 * gathering instead of the Doetank. Readers tell the two apart by the event's stream (`gathering-<id>`).
 */
export interface GatheringBusinessTimeCorrected {
  type: 'BusinessTimeCorrected';
  data: Omit<BusinessTimeCorrected['data'], 'doetankId'> & { gatheringId: string };
}

export type GatheringEvent =
  | GatheringScheduled
  | ParticipantRegistered
  | RegistrationCancelled
  | ProgrammeItemAdded
  | GatheringHeld
  | GatheringReportRecorded
  | GatheringCancelled
  | GatheringBusinessTimeCorrected;
