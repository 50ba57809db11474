import type { ProjectedDocument, Projection } from '../projection';
import { positions, project, projectionEvent } from './projection-spec';

/** Counts results per Doetank, and copies the count into a second document through `related`. */
const counter = (evolve?: Projection['evolve']): Projection => ({
  name: 'counter',
  collections: [{ name: 'counts' }, { name: 'echoes' }],
  handles: ['ResultShared'],
  targets: (event) => [
    { collection: 'counts', id: (event.data as { doetankId: string }).doetankId },
    { collection: 'echoes', id: (event.data as { doetankId: string }).doetankId },
  ],
  related: (event) => [{ collection: 'counts', id: (event.data as { doetankId: string }).doetankId }],
  evolve:
    evolve ??
    ((document, event, target, related) => {
      if (target.collection === 'echoes') {
        const before = related.get(`counts/${target.id}`) as (ProjectedDocument & { count: number }) | null;
        return { id: target.id, countBefore: before?.count ?? 0, lastEventPosition: event.position };
      }
      const count = ((document as { count?: number } | null)?.count ?? 0) + 1;
      return { id: target.id, count, lastEventPosition: event.position };
    }),
});

const shared = (resultId: string, options: { occurredAt: string; position: number }) =>
  projectionEvent(
    'ResultShared',
    { doetankId: 'd1', resultId, kind: 'report', title: resultId, sharedBy: 'm1' },
    options,
  );

describe('project (projection spec helper)', () => {
  it('applies events in order and gives related documents as they were before the event', () => {
    const at = positions();
    const store = project(counter(), [
      shared('r1', at('2013-01-01T00:00:00.000Z')),
      shared('r2', at('2013-01-02T00:00:00.000Z')),
    ]);

    expect(store.get('counts', 'd1')).toEqual({ id: 'd1', count: 2, lastEventPosition: 2 });
    expect(store.get('echoes', 'd1')).toEqual({ id: 'd1', countBefore: 1, lastEventPosition: 2 });
  });

  it('skips an event for a document that already has it, as the runner does on redelivery', () => {
    const at = positions();
    const events = [
      shared('r1', at('2013-01-01T00:00:00.000Z')),
      shared('r2', at('2013-01-02T00:00:00.000Z')),
    ];
    const store = project(counter(), events);

    project(counter(), [events[0]], store);

    expect(store.get('counts', 'd1')).toMatchObject({ count: 2 });
  });

  it('skips event types the projection does not handle', () => {
    const store = project(counter(), [
      projectionEvent(
        'DoetankStarted',
        { doetankId: 'd1' },
        { occurredAt: '2013-01-01T00:00:00.000Z', position: 1 },
      ),
    ]);

    expect(store.all('counts')).toEqual([]);
  });

  it('fails a projection that mutates the document it was given', () => {
    const at = positions();
    const mutating = counter((document, event, target) => {
      if (document) (document as unknown as { count: number }).count += 1;
      return { id: target.id, count: 1, lastEventPosition: event.position };
    });

    expect(() =>
      project(mutating, [
        shared('r1', at('2013-01-01T00:00:00.000Z')),
        shared('r2', at('2013-01-02T00:00:00.000Z')),
      ]),
    ).toThrow(TypeError);
  });

  it('fails a document without the event position or with a value JSON does not keep', () => {
    const at = positions();
    const stale = counter((_document, _event, target) => ({ id: target.id, lastEventPosition: 0 }));
    const undefinedField = counter((_document, event, target) => ({
      id: target.id,
      note: undefined,
      lastEventPosition: event.position,
    }));

    expect(() => project(stale, [shared('r1', at('2013-01-01T00:00:00.000Z'))])).toThrow(
      /lastEventPosition 0/,
    );
    expect(() => project(undefinedField, [shared('r2', at('2013-01-02T00:00:00.000Z'))])).toThrow(/at note/);
  });

  it('builds events on the stream they belong to', () => {
    const event = projectionEvent(
      'ProgrammeItemAdded',
      { gatheringId: 'g1', itemId: 'i1', title: 'Pitch', doetankId: 'd1' },
      { occurredAt: '2012-11-01T09:00:00.000Z', position: 7, actorId: 'coordinator' },
    );

    expect(event).toMatchObject({
      id: 'event-7',
      streamId: 'gathering-g1',
      position: 7,
      metadata: { occurredAt: '2012-11-01T09:00:00.000Z', actorId: 'coordinator', schemaVersion: 1 },
    });
  });
});
