import type { GatheringScheduled } from '@app/contracts';

/** An item on a gathering's programme, without its gathering id. */
export interface ProgrammeItem {
  itemId: string;
  title: string;
  speaker?: string;
  /** The Doetank the item spotlights, if any. */
  doetankId?: string;
}

/**
 * What every scheduled gathering has, whatever happened since: what was scheduled (`startsAt` normalised to UTC,
 * `toISOString()` form), who is registered, in order of registration, and the programme.
 */
export type GatheringCore = GatheringScheduled['data'] & {
  registered: readonly string[];
  programme: readonly ProgrammeItem[];
};

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
