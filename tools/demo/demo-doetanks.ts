import type { Sector } from '@app/contracts/vocabulary';
import type { DoetankActor, DoetankSpec } from './demo-content';
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
  if (spec.client) {
    const moment = at(spec.client.on);
    const { organisation, contactName } = spec.client;
    cast.add(
      moment,
      'SecureClient',
      { organisation, ...(contactName && { contactName }) },
      coachAt(moment.ms)?.id ?? proposer.id,
      params,
    );
  }
  if (spec.startedOn)
    cast.add(at(spec.startedOn), 'StartDoetank', {}, coachAt(at(spec.startedOn).ms)!.id, params);

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

  if (spec.sharpen) {
    const moment = at(spec.sharpen.on);
    const by = actor(spec.sharpen.by, moment.ms);
    cast.add(
      moment,
      'SharpenProblemStatement',
      { problemStatement: spec.sharpen.problemStatement, sharpenedBy: by.id },
      by.id,
      params,
    );
  }
  spec.results?.forEach((result, index) => {
    const moment = at(result.on);
    const by = actor(result.by, moment.ms);
    cast.add(
      moment,
      'ShareResult',
      {
        resultId: demoId('result', `${spec.key}-${index + 1}`),
        kind: result.kind,
        title: result.title,
        ...(result.file && {
          link: `https://www.example.nl/slimmernetwerk/doetanks/${spec.key}/${result.file}`,
        }),
        sharedBy: by.id,
      },
      by.id,
      params,
    );
  });
  spec.lessons?.forEach((lesson, index) => {
    const moment = at(lesson.on);
    const by = actor(lesson.by, moment.ms);
    cast.add(
      moment,
      'RecordLesson',
      { lessonId: demoId('lesson', `${spec.key}-${index + 1}`), lesson: lesson.lesson, recordedBy: by.id },
      by.id,
      params,
    );
  });
  if (spec.concluded) {
    const moment = at(spec.concluded.on);
    cast.add(
      moment,
      'ConcludeDoetank',
      { conclusion: spec.concluded.conclusion },
      coachAt(moment.ms)!.id,
      params,
    );
  }
  if (spec.stopped) {
    const moment = at(spec.stopped.on);
    cast.add(
      moment,
      'StopDoetank',
      { reason: spec.stopped.reason },
      coachAt(moment.ms)?.id ?? coordinator,
      params,
    );
  }
}
