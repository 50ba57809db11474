import type { GatheringKind } from '@app/contracts';

/** An item on a gathering's programme, without its gathering id. */
export interface ProgrammeItem {
  itemId: string;
  title: string;
  speaker?: string;
  /** The Doetank the item spotlights, if any. */
  doetankId?: string;
}

/** What every scheduled gathering has, whatever happened since. */
export interface GatheringCore {
  gatheringId: string;
  kind: GatheringKind;
  title: string;
  /** Normalised ISO-8601 (UTC, `toISOString()` form). */
  startsAt: string;
  venue: string;
  city?: string;
  capacity: number;
  /** Member ids currently registered, in order of registration. */
  registered: readonly string[];
  programme: readonly ProgrammeItem[];
}

/** A gathering's state, keyed by status: `none` before it was scheduled; `held` and `cancelled` are final. */
export type GatheringState =
  | { status: 'none' }
  | (GatheringCore & { status: 'scheduled' })
  | (GatheringCore & { status: 'held'; attendees: readonly string[]; heldOn: string })
  | (GatheringCore & { status: 'cancelled'; reason: string });

export type ExistingGathering = Exclude<GatheringState, { status: 'none' }>;
export type ScheduledGathering = Extract<GatheringState, { status: 'scheduled' }>;

/** Whether the gathering was scheduled. */
export const gatheringExists = (state: GatheringState): state is ExistingGathering => state.status !== 'none';
