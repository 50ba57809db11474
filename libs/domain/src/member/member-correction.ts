import type { CorrectedEventCounts, MemberEvent } from '@app/contracts';
import { domainError } from '../domain-errors';
import {
  decideCorrection,
  requireNotAfter,
  requireNotBefore,
  type CorrectedEvent,
  type StreamClock,
} from '../shared/business-time';
import { CommandContextError } from '../shared/command-context-error';
import { describeAct } from './member-acts';
import type { CorrectMemberBusinessTime } from './member.commands';
import type { Affiliation, MemberState } from './member.state';

/**
 * Events of a member's stream whose time is a fact of the record itself, not of the network, and why: their
 * business time is not corrected (and no read model counts them by it).
 */
const NOT_CORRECTABLE: Readonly<Partial<Record<MemberEvent['type'], string>>> = {
  MemberForgotten: "it is when the member's key was destroyed, which happened when it was recorded",
  MemberTokensRevoked:
    'what counts is when the api stopped accepting the tokens (revokedAt), not business time',
};

/**
 * Whether correcting the event at `revision` to `correctedTo` needs the member's acts in other streams: a joining
 * moved later (it must not pass the first of them) or a leaving moved earlier (not before the last). A joining moved
 * earlier keeps every act after it; an affiliation change concerns no other stream.
 */
export const needsActsElsewhere = (clock: StreamClock, revision: number, correctedTo: string): boolean => {
  const entry = clock.find((candidate) => candidate.revision === revision);
  if (!entry) return false;
  if (entry.type === 'MemberJoined') return correctedTo > entry.occurredAt;
  return entry.type === 'MemberLeft' && correctedTo < entry.occurredAt;
};

/** The member's affiliation just before the event at `revision`: the last joining or change before it. */
const affiliationBefore = (history: readonly CorrectedEvent[], revision: number): Affiliation | undefined =>
  history
    .slice(0, revision)
    .findLast((event) => event.type === 'MemberJoined' || event.type === 'MemberAffiliationChanged')?.data as
    Affiliation | undefined;

/** What the retrospectives count of a member's event under its sector and role, for them to move it. */
const countsOf = (
  corrected: CorrectedEvent,
  history: readonly CorrectedEvent[],
  revision: number,
): CorrectedEventCounts | undefined => {
  const before = affiliationBefore(history, revision);
  switch (corrected.type) {
    case 'MemberJoined': {
      const { sector, role } = corrected.data as Affiliation;
      return { sector, role };
    }
    case 'MemberAffiliationChanged': {
      const { sector, role } = corrected.data as Affiliation;
      return { sector, role, ...(before && { previousSector: before.sector, previousRole: before.role }) };
    }
    case 'MemberLeft':
      return before && { sector: before.sector, role: before.role };
    default:
      return undefined;
  }
};

/**
 * A correction of a recorded business time on a member's stream: between the event's neighbours on the stream's
 * clock (`decideCorrection`), and, as the member's acts elsewhere depend on their membership, a joining not moved
 * after the member's first act in another stream and a leaving not before their last (both named with their time).
 * An erasure and a revocation of tokens are not corrected (`NOT_CORRECTABLE`).
 */
export const correctMember = (
  { type, data, context }: CorrectMemberBusinessTime,
  state: MemberState,
): MemberEvent[] => {
  const { memberId, revision, correctedTo } = data;
  if (state.status === 'none') throw domainError('MEMBER.NOT_FOUND', { id: memberId });
  const streamId = `member-${memberId}`;
  const recorded = context.clock.find((entry) => entry.revision === revision);
  const why = recorded && NOT_CORRECTABLE[recorded.type as MemberEvent['type']];
  if (recorded && why) {
    throw domainError('BUSINESS_TIME.NOT_CORRECTABLE', { streamId, revision, eventType: recorded.type, why });
  }
  const { entry, reason } = decideCorrection(
    { command: type, streamId, revision, correctedTo, reason: data.reason },
    context.clock,
  );
  const corrected = context.history[revision];
  if (corrected?.type !== entry.type) {
    throw new CommandContextError(type, `the corrected event is not the ${entry.type} at ${revision}`);
  }
  if (needsActsElsewhere(context.clock, revision, correctedTo)) {
    const acts = context.actsElsewhere;
    if (!acts) throw new CommandContextError(type, "the context does not give the member's acts elsewhere");
    const { first, last } = acts;
    if (entry.type === 'MemberJoined' && first) {
      requireNotAfter(type, correctedTo, describeAct(first), first.occurredAt);
    }
    if (entry.type === 'MemberLeft' && last) {
      requireNotBefore(type, correctedTo, describeAct(last), last.occurredAt);
    }
  }
  const counts = countsOf(corrected, context.history, revision);
  return [
    {
      type: 'BusinessTimeCorrected',
      data: {
        memberId,
        revision,
        eventType: entry.type,
        eventId: corrected.id,
        ...(counts && { counts }),
        correctedFrom: entry.occurredAt,
        correctedTo,
        reason,
      },
    },
  ];
};
