import type { Sector } from '@app/contracts/vocabulary';
import type { ImportCommand } from '../../apps/api/src/import/import-routes';
import type { DoetankActor, DoetankSpec, When } from './demo-content';
import type { DemoCast, Member } from './demo-cast';
import { demoId } from './demo-ids';
import { at } from './demo-time';

/** A Doetank's story as lines: proposed, coached, joined, sharpened, results and lessons, concluded or stopped. */
export function addDoetank(cast: DemoCast, spec: DoetankSpec): void {
  const doetankId = demoId('doetank', spec.key);
  const params = { doetankId };
  const proposer = cast.proposers.get(spec.key)!;
  const coordinator = cast.people.get('coordinator')!.id;
  const coachAt = (moment: number): Member | undefined => {
    if (spec.coachChange && moment >= at(spec.coachChange.on).ms)
      return cast.people.get(spec.coachChange.coach);
    return spec.coach && moment >= at(spec.coach.on).ms ? cast.people.get(spec.coach.coach) : undefined;
  };
  cast.doetankProposedAt.set(spec.key, at(spec.proposedOn).ms);

  cast.add(
    at(spec.proposedOn),
    'ProposeDoetank',
    {
      doetankId,
      title: spec.title,
      problemStatement: spec.problemStatement,
      proposedBy: proposer.id,
      ...(spec.themeId !== undefined && { themeId: spec.themeId }),
    },
    proposer.id,
  );
  for (const change of [spec.coach, spec.coachChange]) {
    if (change)
      cast.add(
        at(change.on),
        'AssignCoach',
        { coachId: cast.people.get(change.coach)!.id },
        coordinator,
        params,
      );
  }
  /** A line by the coach of the moment; by `otherwise` when the Doetank has no coach yet. */
  const byCoach = (on: When, command: ImportCommand, body: Record<string, unknown>, otherwise?: string) => {
    const moment = at(on);
    const coach = coachAt(moment.ms);
    cast.add(moment, command, body, otherwise === undefined ? coach!.id : (coach?.id ?? otherwise), params);
  };
  if (spec.client) {
    const { organisation, contactName } = spec.client;
    byCoach(
      spec.client.on,
      'SecureClient',
      { organisation, ...(contactName && { contactName }) },
      proposer.id,
    );
  }
  if (spec.startedOn) byCoach(spec.startedOn, 'StartDoetank', {});

  // Members join; who of them acts later is chosen among those who are in by then.
  const joined: { member: Member; at: number }[] = [];
  if (spec.members) {
    const taken = new Set([proposer.id, ...[...cast.people.values()].map((p) => p.id)]);
    const from = at(spec.members.from).ms;
    const to = at(spec.members.to).ms;
    const sectors: readonly Sector[] = spec.members.sectors;
    for (let i = 0; i < spec.members.count; i++) {
      const moment = cast.dice.momentBetween(from, to);
      const member = cast.someone(moment.ms, {
        exclude: taken,
        accept: cast.dice.float() < 0.75 ? (m) => sectors.includes(m.sector) : undefined,
        minDays: 7,
      });
      taken.add(member.id);
      joined.push({ member, at: moment.ms });
      cast.add(moment, 'JoinDoetank', { memberId: member.id }, member.id, params);
    }
  }
  const left = new Map<string, number>();
  if (spec.memberLeaves && joined.length > 0) {
    const moment = at(spec.memberLeaves);
    const leaver = cast.dice.pick(joined.filter((j) => j.at < moment.ms)).member;
    left.set(leaver.id, moment.ms);
    cast.add(moment, 'LeaveDoetank', {}, leaver.id, { doetankId, memberId: leaver.id });
  }
  const actor = (who: DoetankActor, moment: number): Member => {
    if (who === 'proposer') return proposer;
    if (who === 'coach') return coachAt(moment)!;
    const inDoetank = joined.filter((j) => j.at < moment && (left.get(j.member.id) ?? Infinity) > moment);
    return inDoetank.length > 0 ? cast.dice.pick(inDoetank).member : proposer;
  };

  /** A line by one of the Doetank's people (`by` picks who at that moment); `body` names them. */
  const actedBy = (
    on: When,
    by: DoetankActor,
    command: ImportCommand,
    body: (memberId: string) => Record<string, unknown>,
  ) => {
    const moment = at(on);
    const memberId = actor(by, moment.ms).id;
    cast.add(moment, command, body(memberId), memberId, params);
  };

  const { sharpen } = spec;
  if (sharpen) {
    actedBy(sharpen.on, sharpen.by, 'SharpenProblemStatement', (sharpenedBy) => ({
      problemStatement: sharpen.problemStatement,
      sharpenedBy,
    }));
  }
  spec.results?.forEach((result, index) =>
    actedBy(result.on, result.by, 'ShareResult', (sharedBy) => ({
      resultId: demoId('result', `${spec.key}-${index + 1}`),
      kind: result.kind,
      title: result.title,
      ...(result.file && {
        link: `https://www.example.nl/slimmernetwerk/doetanks/${spec.key}/${result.file}`,
      }),
      sharedBy,
    })),
  );
  spec.lessons?.forEach((lesson, index) =>
    actedBy(lesson.on, lesson.by, 'RecordLesson', (recordedBy) => ({
      lessonId: demoId('lesson', `${spec.key}-${index + 1}`),
      lesson: lesson.lesson,
      recordedBy,
    })),
  );
  if (spec.concluded) {
    byCoach(spec.concluded.on, 'ConcludeDoetank', { conclusion: spec.concluded.conclusion });
  }
  if (spec.stopped) byCoach(spec.stopped.on, 'StopDoetank', { reason: spec.stopped.reason }, coordinator);
}
