import type { DoetankEvent } from '@app/contracts';
import { aDoetank } from '@app/domain/testing/doetank-fixture';
import { historySteps } from './history-story';

/** A long Doetank: proposed, coached, started, then `count` members joining, each sharing a result. */
const longDoetank = (count: number): DoetankEvent[] => {
  const { history, doetankId } = aDoetank();
  const events: DoetankEvent[] = [...history.started];
  for (let i = 0; i < count; i++) {
    const memberId = `member-long-${i}`;
    events.push({ type: 'MemberJoinedDoetank', data: { doetankId, memberId } });
    events.push({
      type: 'ResultShared',
      data: {
        doetankId,
        resultId: `result-long-${i}`,
        kind: 'report',
        title: `Rapport ${i}`,
        sharedBy: memberId,
      },
    });
  }
  return events;
};

/** How many values the history serialises to compare states, for `events`. */
const serialisations = (events: DoetankEvent[]): number => {
  const stringify = jest.spyOn(JSON, 'stringify');
  try {
    historySteps(events);
    return stringify.mock.calls.length;
  } finally {
    stringify.mockRestore();
  }
};

describe('historySteps', () => {
  it('says what each event added, changed and removed', () => {
    const { history, doetankId, member } = aDoetank();
    const steps = historySteps([
      ...history.started,
      { type: 'MemberLeftDoetank', data: { doetankId, memberId: member, reason: 'verhuisd' } },
    ]);
    expect(steps[1].changes).toEqual([{ field: 'coachId', after: expect.any(String) }]);
    expect(steps[2].changes).toEqual([{ field: 'status', before: 'proposed', after: 'started' }]);
    expect(steps[3].changes).toEqual([{ field: 'members', added: [member] }]);
    expect(steps[4]).toEqual({ changes: [{ field: 'members', removed: [member] }], reason: 'verhuisd' });
  });

  it('diffs only the page from `from` on, after folding what comes before it', () => {
    const events = longDoetank(5);
    const all = historySteps(events);
    expect(historySteps(events, 6)).toEqual(all.slice(6));
  });

  it('does not compare what an event left alone: its work grows with the events, not with the state', () => {
    // The state's lists grow with the Doetank; comparing their items by value at every event made a page cubic
    // in its events. Counted, not timed: a long Doetank serialises no more values per event than a short one.
    const short = longDoetank(10);
    const long = longDoetank(200);
    const perEvent = (events: DoetankEvent[]) => serialisations(events) / events.length;
    expect(perEvent(long)).toBeLessThanOrEqual(Math.max(1, perEvent(short)));
  });
});
