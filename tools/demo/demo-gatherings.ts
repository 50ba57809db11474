import { MASTERCLASS_COHORT, type GatheringSpec } from './demo-content';
import type { DemoCast, Member } from './demo-cast';
import { demoId } from './demo-ids';
import { at, DAY, HOUR, localWhen } from './demo-time';

/** The gatherings as lines: scheduled, their programme, registrations and cancellations, then who came. */
export class DemoGatherings {
  constructor(private readonly cast: DemoCast) {}

  add(spec: GatheringSpec): void {
    const gatheringId = demoId('gathering', spec.key);
    const params = { gatheringId };
    const coordinator = this.cast.people.get('coordinator')!;
    const scheduled = at(spec.scheduledOn);
    const starts = at(spec.startsAt);
    const closes = spec.cancelled ? at(spec.cancelled.on).ms : starts.ms;

    this.cast.add(
      scheduled,
      'ScheduleGathering',
      {
        gatheringId,
        kind: spec.kind,
        title: spec.title,
        startsAt: starts.iso,
        venue: spec.venue,
        city: spec.city,
        capacity: spec.capacity,
      },
      coordinator.id,
    );

    // The programme: after the gathering was scheduled and the Doetanks it spotlights were proposed.
    spec.programme.forEach((item, index) => {
      const doetankReady = item.doetank
        ? (this.cast.doetankProposedAt.get(item.doetank) ?? Infinity) + DAY
        : 0;
      const moment = at(localWhen(Math.max(scheduled.ms + 2 * DAY, doetankReady) + index * HOUR));
      if (moment.ms >= closes) throw new Error(`programme item of ${spec.key} after the gathering`);
      const speaker =
        item.speaker === undefined
          ? undefined
          : typeof item.speaker === 'string'
            ? item.speaker
            : 'person' in item.speaker
              ? this.speaker(this.cast.people.get(item.speaker.person)!)
              : this.speaker(this.cast.proposers.get(item.speaker.doetankProposer)!);
      this.cast.add(
        moment,
        'AddProgrammeItem',
        {
          itemId: demoId('programme-item', `${spec.key}-${index + 1}`),
          title: item.title,
          ...(speaker && { speaker }),
          ...(item.doetank && { doetankId: demoId('doetank', item.doetank) }),
        },
        coordinator.id,
        params,
      );
    });

    // Who registers: the people on stage and the coordinator first, then regulars and others.
    const story = new Set<Member>([coordinator]);
    for (const item of spec.programme) {
      if (typeof item.speaker === 'object' && 'person' in item.speaker)
        story.add(this.cast.people.get(item.speaker.person)!);
      if (typeof item.speaker === 'object' && 'doetankProposer' in item.speaker)
        story.add(this.cast.proposers.get(item.speaker.doetankProposer)!);
    }
    if (spec.kind === 'grand-cafe') {
      for (const person of this.cast.people.values()) story.add(person);
      for (const item of spec.programme) if (item.doetank) story.add(this.cast.proposers.get(item.doetank)!);
    }
    const registrationOpens = scheduled.ms + HOUR;
    const registrationCloses = closes - 2 * HOUR;
    const registrants =
      spec.kind === 'masterclass'
        ? this.masterclassCohort()
        : this.registrants(spec, story, registrationCloses);
    const registered = registrants.map((member) => ({
      member,
      at: this.cast.dice.momentBetween(
        Math.max(registrationOpens, member.joined.ms + DAY),
        registrationCloses,
      ),
    }));
    for (const { member, at: moment } of registered) {
      this.cast.add(moment, 'RegisterForGathering', { memberId: member.id }, member.id, params);
    }

    const mayDropOut = this.cast.dice.shuffle(registered.filter((r) => !story.has(r.member)));
    const cancelling = mayDropOut.slice(0, spec.cancellations);
    for (const { member, at: registeredAt } of cancelling) {
      const moment = this.cast.dice.momentBetween(registeredAt.ms + HOUR, registrationCloses);
      this.cast.add(moment, 'CancelRegistration', {}, member.id, { gatheringId, memberId: member.id });
    }
    if (spec.cancelled) {
      this.cast.add(
        at(spec.cancelled.on),
        'CancelGathering',
        { reason: spec.cancelled.reason },
        coordinator.id,
        params,
      );
      return;
    }

    const noShows = new Set(
      mayDropOut.slice(spec.cancellations, spec.cancellations + spec.noShows).map((r) => r.member.id),
    );
    const cancelled = new Set(cancelling.map((r) => r.member.id));
    const attendees = registered
      .map((r) => r.member)
      .filter((m) => !cancelled.has(m.id) && !noShows.has(m.id));
    const present = new Set(registrants.map((m) => m.id));
    for (let i = 0; i < spec.walkIns; i++) {
      const walkIn = this.cast.someone(starts.ms, { exclude: present });
      present.add(walkIn.id);
      attendees.push(walkIn);
    }
    const held = at(localWhen(starts.ms + (spec.kind === 'grand-cafe' ? 4.5 : 3) * HOUR));
    this.cast.add(
      held,
      'RecordGatheringHeld',
      { attendees: attendees.map((m) => m.id) },
      coordinator.id,
      params,
    );
    if (spec.report) {
      const { on, ...report } = spec.report;
      this.cast.add(at(on), 'RecordGatheringReport', report, coordinator.id, params);
    }
  }

  private speaker(member: Member): string {
    return `${member.name} (${member.organisation})`;
  }

  private registrants(spec: GatheringSpec, story: ReadonlySet<Member>, closes: number): Member[] {
    const chosen = new Set<string>([...story].map((m) => m.id));
    const result = [...story];
    while (result.length < spec.registrations) {
      const fromRegulars = this.cast.dice.float() < 0.3;
      const member = this.cast.someone(closes, {
        from: fromRegulars ? this.regularsByJoin() : undefined,
        exclude: chosen,
      });
      chosen.add(member.id);
      result.push(member);
    }
    return result;
  }

  private regularsByJoin(): Member[] {
    return [...this.cast.regulars].sort((a, b) => a.joined.ms - b.joined.ms);
  }

  private cohort?: Member[];

  /** One group of managers and administrators for the whole Masterclass series. */
  private masterclassCohort(): Member[] {
    if (!this.cohort) {
      const cohort: Member[] = [];
      const chosen = new Set<string>();
      while (cohort.length < MASTERCLASS_COHORT) {
        const member = this.cast.someone(at([2012, 6, 18, 0, 0]).ms, {
          accept: (m) => m.role !== 'professional' && !this.cast.isStoryPerson(m),
          exclude: chosen,
        });
        chosen.add(member.id);
        cohort.push(member);
      }
      this.cohort = cohort;
    }
    return this.cohort;
  }
}
