import type { DiscussionStarted } from '@app/contracts';
import { BUSINESS_TIME_CORRECTED, type CorrectedEvent } from '../shared/business-time';
import { memberActingIn } from '../doetank/doetank.decider';
import { membersActingIn } from '../gathering/gathering.decider';

/**
 * The events in which a member acts in another stream than their own: the ones whose deciders check that the
 * member had joined the network by then (`requireJoinedBefore`). A joining moved later must not pass any of them.
 */
export const MEMBER_ACT_EVENT_TYPES = [
  'DoetankProposed',
  'ProblemStatementSharpened',
  'CoachAssigned',
  'MemberJoinedDoetank',
  'ResultShared',
  'LessonRecorded',
  'ParticipantRegistered',
  'GatheringHeld',
  'DiscussionStarted',
] as const;

/** One act of a member in another stream, at its business time (as corrected). */
export interface MemberAct {
  type: string;
  streamId: string;
  revision: number;
  occurredAt: string;
}

/** The member's first and last act in other streams; none when they never acted. */
export interface MemberActs {
  first?: MemberAct;
  last?: MemberAct;
}

/** An event of the log as the acts are learnt from it: where it stands, what it is, when it happened. */
export interface LoggedEvent extends CorrectedEvent {
  streamId: string;
  revision: number;
  occurredAt: string;
}

/** Who acted in an event of another stream: a Doetank's proposer, coach, sharer, ...; the attendees; a starter. */
export const membersWhoActedIn = (event: CorrectedEvent): readonly string[] => {
  if (event.type === 'DiscussionStarted') return [(event.data as DiscussionStarted['data']).startedBy];
  const one = memberActingIn(event);
  return one === undefined ? membersActingIn(event) : [one];
};

/** "DoetankProposed (revision 0 of doetank-…)": how a refusal names the act. */
export const describeAct = (act: MemberAct): string =>
  `${act.type} (revision ${act.revision} of ${act.streamId})`;

/**
 * Learns a member's acts from the log, read in position order with the corrections of business time among them
 * (a correction always comes after the event it corrects): `add` each event, then `acts()`. Holds only the member's
 * own acts, so the log is read through once in little memory.
 */
export const memberActsOf = (memberId: string) => {
  const acts = new Map<string, MemberAct>();
  const key = (streamId: string, revision: number) => `${streamId}@${revision}`;
  return {
    add(event: LoggedEvent): void {
      if (event.type === BUSINESS_TIME_CORRECTED) {
        const { revision, correctedTo } = event.data as { revision: number; correctedTo: string };
        const act = acts.get(key(event.streamId, revision));
        if (act) act.occurredAt = correctedTo;
      } else if (membersWhoActedIn(event).includes(memberId)) {
        const { type, streamId, revision, occurredAt } = event;
        acts.set(key(streamId, revision), { type, streamId, revision, occurredAt });
      }
    },
    acts(): MemberActs {
      let first: MemberAct | undefined;
      let last: MemberAct | undefined;
      for (const act of acts.values()) {
        if (!first || act.occurredAt < first.occurredAt) first = act;
        if (!last || act.occurredAt > last.occurredAt) last = act;
      }
      return { ...(first && { first: { ...first } }), ...(last && { last: { ...last } }) };
    },
  };
};
