import { clockOf, memberActsOf, needsActsElsewhere, type MemberCommand, type MemberState } from '@app/domain';
import type { ProjectionEvent } from '../../projection';
import { between, correctedRevision, MEMBERS, type MemberStep, type Stream } from './dated-steps';

/** As StreamFacts reads them: the member's acts in other streams (Doetanks, gatherings) from the log written so far. */
const actsOf = (memberId: string, written: readonly ProjectionEvent[]) => {
  const acts = memberActsOf(memberId);
  for (const { metadata, ...event } of written) acts.add({ ...event, occurredAt: metadata.occurredAt });
  return acts.acts();
};

/**
 * A member's command of a step, with the context the write path gives it: a joining, a leaving, a move (to the
 * province and back, so that every change changes something), or a correction of one of the member's recorded
 * business times (with their acts elsewhere when it needs them, from `written`).
 */
export const memberCommand = (
  s: MemberStep,
  stream: Stream<MemberState>,
  written: readonly ProjectionEvent[],
): MemberCommand => {
  const memberId = MEMBERS[s.member];
  const affiliation = {
    organisation: 'Gemeente Utrecht',
    sector: 'gemeente',
    role: 'professional',
  } as const;
  if (s.kind === 'correctMember') {
    const clock = clockOf(stream.events);
    const revision = correctedRevision(clock, s) ?? 0;
    const correctedTo = between(clock, revision, s);
    return {
      type: 'CorrectMemberBusinessTime',
      data: { memberId, revision, correctedTo, reason: 'Ledenadministratie' },
      context: {
        clock,
        history: stream.events.map(({ type, data }, index) => ({ id: stream.ids[index], type, data })),
        ...(needsActsElsewhere(clock, revision, correctedTo) && { actsElsewhere: actsOf(memberId, written) }),
      },
    };
  }
  if (s.kind === 'join') {
    const personal = { name: `Lid ${memberId}`, email: `${memberId}@example.nl` };
    return { type: 'JoinNetwork', data: { memberId, personal, ...affiliation } };
  }
  if (s.kind === 'leave') return { type: 'LeaveNetwork', data: { memberId } };
  const moved = stream.state.status === 'active' && stream.state.sector === 'provincie';
  const data = moved ? affiliation : ({ ...affiliation, sector: 'provincie', role: 'manager' } as const);
  return { type: 'ChangeAffiliation', data: { memberId, ...data } };
};
