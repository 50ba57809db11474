import type { GatheringKind } from '../vocabulary';

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

export interface GatheringCancelled {
  type: 'GatheringCancelled';
  data: { gatheringId: string; reason: string };
}

export type GatheringEvent =
  | GatheringScheduled
  | ParticipantRegistered
  | RegistrationCancelled
  | ProgrammeItemAdded
  | GatheringHeld
  | GatheringCancelled;
