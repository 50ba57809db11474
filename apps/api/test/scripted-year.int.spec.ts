import { randomUUID } from 'node:crypto';
import { prng } from '@app/contracts/testing/synthetic-network';
import { GATHERING_KINDS, MEMBER_ROLES, RESULT_KINDS, SECTORS } from '@app/contracts/vocabulary';
import { ApiHarness, type HttpAnswer } from './api-harness';

/**
 * A scripted year of activity sent through the command endpoints; the retrospective of that year must equal,
 * figure for figure, what the script counted itself from the commands it sent (and saw accepted).
 */
describe('The retrospective of a scripted year', () => {
  const api = ApiHarness.forTests({ env: { EMBEDDED_PROJECTOR: 'true' } });

  it('equals the counts computed from the commands the script sent', async () => {
    const random = prng(2012);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    let lastPosition = 0;
    const send = async (method: 'POST' | 'PUT', path: string, body: object): Promise<HttpAnswer> => {
      const answer = await api.request(method, path, body);
      if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      lastPosition = Math.max(lastPosition, answer.body.position);
      return answer;
    };
    const at = (month: number, day: number) =>
      `2012-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00.000Z`;

    const expected = {
      joined: 0,
      joinedBySector: Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<string, number>,
      joinedByRole: Object.fromEntries(MEMBER_ROLES.map((r) => [r, 0])) as Record<string, number>,
      left: 0,
      totalAtYearEnd: 0,
      proposed: 0,
      started: 0,
      concluded: 0,
      stopped: 0,
      results: Object.fromEntries(RESULT_KINDS.map((k) => [k, 0])) as Record<string, number>,
      lessons: 0,
      held: Object.fromEntries(GATHERING_KINDS.map((k) => [k, 0])) as Record<string, number>,
      attendance: Object.fromEntries(GATHERING_KINDS.map((k) => [k, 0])) as Record<string, number>,
      firstTimers: Object.fromEntries(GATHERING_KINDS.map((k) => [k, 0])) as Record<string, number>,
      discussions: 0,
      activity: Array.from({ length: 12 }, () => 0),
    };
    const activity = (month: number, events = 1) => (expected.activity[month - 1] += events);

    // 2011: a few members, so the year starts with a total (and the Doetanks have members who joined before them).
    const members: string[] = [];
    for (let i = 0; i < 30; i++) {
      const answer = await send('POST', '/members', {
        name: `Lid ${i}`,
        email: `lid-2011-${i}-${randomUUID()}@example.nl`,
        organisation: 'Gemeente Utrecht',
        sector: 'gemeente',
        role: 'professional',
        occurredAt: '2011-06-01T10:00:00.000Z',
      });
      members.push(answer.body.aggregateId);
    }
    expected.totalAtYearEnd = 30;

    // 2012: members join through the year, some leave.
    const joinedInMonth = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const month = 1 + (i % 12);
      const sector = pick(SECTORS);
      const role = pick(MEMBER_ROLES);
      const answer = await send('POST', '/members', {
        name: `Lid ${i}`,
        email: `lid-2012-${i}-${randomUUID()}@example.nl`,
        organisation: 'Een organisatie',
        sector,
        role,
        occurredAt: at(month, 3),
      });
      members.push(answer.body.aggregateId);
      joinedInMonth.set(answer.body.aggregateId, month);
      expected.joined++;
      expected.joinedBySector[sector]++;
      expected.joinedByRole[role]++;
      expected.totalAtYearEnd++;
      activity(month);
    }
    const leavers = members.slice(20, 24);
    for (const memberId of leavers) {
      await send('POST', `/members/${memberId}/leave`, { occurredAt: at(12, 1) });
      expected.left++;
      expected.totalAtYearEnd--;
      activity(12);
    }
    const active = members.filter((m) => !leavers.includes(m));

    // Doetanks through their stages.
    for (let d = 0; d < 8; d++) {
      const month = 1 + d;
      const proposer = active[d];
      const doetank = await send('POST', '/doetanks', {
        title: `Doetank ${d}`,
        problemStatement: 'Een probleem uit de praktijk.',
        proposedBy: proposer,
        occurredAt: at(month, 5),
      });
      expected.proposed++;
      activity(month);
      const id = doetank.body.aggregateId;
      if (d >= 6) continue;
      await send('POST', `/doetanks/${id}/coach`, { coachId: active[8 + d], occurredAt: at(month, 6) });
      activity(month);
      if (d === 5) {
        await send('POST', `/doetanks/${id}/stop`, {
          reason: 'Geen opdrachtgever',
          occurredAt: at(month, 7),
        });
        expected.stopped++;
        activity(month);
        continue;
      }
      await send('POST', `/doetanks/${id}/start`, { occurredAt: at(month, 8) });
      expected.started++;
      activity(month);
      const joiner = active[14 + d];
      await send('POST', `/doetanks/${id}/members`, { memberId: joiner, occurredAt: at(month, 9) });
      activity(month);
      const results = 1 + Math.floor(random() * 3);
      for (let r = 0; r < results; r++) {
        const kind = pick(RESULT_KINDS);
        await send('POST', `/doetanks/${id}/results`, {
          kind,
          title: `Resultaat ${r}`,
          sharedBy: joiner,
          occurredAt: at(month, 10 + r),
        });
        expected.results[kind]++;
        activity(month);
      }
      await send('POST', `/doetanks/${id}/lessons`, {
        lesson: 'Begin klein.',
        recordedBy: proposer,
        occurredAt: at(month, 20),
      });
      expected.lessons++;
      activity(month);
      if (d < 2) {
        await send('POST', `/doetanks/${id}/conclude`, { occurredAt: at(11, 1 + d) });
        expected.concluded++;
        activity(11);
      }
    }

    // Gatherings: cafés, a masterclass series, the Grand Café; attendance with first-timers.
    const held: { kind: (typeof GATHERING_KINDS)[number]; month: number; attendees: string[] }[] = [];
    const gathering = async (kind: (typeof GATHERING_KINDS)[number], month: number, invited: string[]) => {
      // Nobody attends before joining the network (members join on the 3rd, gatherings are held on the 15th).
      const attendees = invited.filter((m) => (joinedInMonth.get(m) ?? 0) <= month);
      const answer = await send('POST', '/gatherings', {
        kind,
        title: `${kind} ${month}`,
        startsAt: at(month, 15),
        venue: kind === 'grand-cafe' ? 'Beurs van Berlage' : 'Seats2meet',
        capacity: 150,
        occurredAt: at(month, 1),
      });
      activity(month);
      await send('POST', `/gatherings/${answer.body.aggregateId}/held`, {
        attendees,
        occurredAt: at(month, 15),
      });
      activity(month);
      expected.held[kind]++;
      expected.attendance[kind] += attendees.length;
      held.push({ kind, month, attendees });
    };
    await gathering('cafe', 2, active.slice(0, 12));
    await gathering('cafe', 5, active.slice(6, 20));
    await gathering('masterclass', 3, active.slice(10, 18));
    await gathering('masterclass', 4, active.slice(10, 18));
    await gathering('masterclass', 6, active.slice(12, 22));
    await gathering('grand-cafe', 11, active.slice(0, 50));
    // A first-timer is counted at their first gathering in business time, whatever order they were recorded in
    // (the May café above was recorded before the March and April masterclasses).
    const attended = new Set<string>();
    for (const { kind, attendees } of [...held].sort((a, b) => a.month - b.month)) {
      expected.firstTimers[kind] += attendees.filter((m) => !attended.has(m)).length;
      attendees.forEach((m) => attended.add(m));
    }

    for (let i = 0; i < 5; i++) {
      await send('POST', '/discussions', {
        title: `Discussie ${i}`,
        link: `https://www.linkedin.com/groups/slimmernetwerk/${i}`,
        startedBy: active[i],
        occurredAt: at(3 + i, 12),
      });
      expected.discussions++;
      activity(3 + i);
    }

    const answer = await api.request('GET', `/retrospectives/2012?minPosition=${lastPosition}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-read-model-consistent')).toBe('true');
    const report = answer.body;

    expect(report.members).toMatchObject({
      joined: expected.joined,
      left: expected.left,
      totalAtYearEnd: expected.totalAtYearEnd,
    });
    for (const sector of SECTORS)
      expect([sector, report.members.bySector[sector].joined]).toEqual([
        sector,
        expected.joinedBySector[sector],
      ]);
    for (const role of MEMBER_ROLES)
      expect([role, report.members.byRole[role].joined]).toEqual([role, expected.joinedByRole[role]]);
    expect(report.doetanks).toEqual({
      proposed: expected.proposed,
      started: expected.started,
      concluded: expected.concluded,
      stopped: expected.stopped,
      activeAtYearEnd: expected.started - expected.concluded,
    });
    expect(report.results.byKind).toEqual(expected.results);
    expect(report.lessons).toBe(expected.lessons);
    for (const kind of GATHERING_KINDS) {
      expect([kind, report.gatherings.byKind[kind]]).toEqual([
        kind,
        expect.objectContaining({
          held: expected.held[kind],
          attendance: expected.attendance[kind],
          firstTimeAttendees: expected.firstTimers[kind],
        }),
      ]);
    }
    expect(report.discussions.started).toBe(expected.discussions);
    expect(report.activityPerMonth.map((m: { events: number }) => m.events)).toEqual(expected.activity);
    expect(report.previousYear).toMatchObject({ year: 2011, membersJoined: 30 });
  });
});
