import type { GatheringDocument } from '@app/contracts/read-models/gathering.read-model';
import { normalizeDeclaration } from '@app/read-store/read-store.validation';
import { expectIdempotent, freshIds, project, projectionEvent } from '../testing';
import { grandCafeScheduled } from '../testing/sample-events';
import { GATHERINGS_COLLECTION, gatheringsProjection } from './gatherings.projection';

/** A fresh gathering per test, with builders for its events; each build takes the next position. */
const aGrandCafe = () => {
  const { id, at } = freshIds();
  const [gatheringId, sanne, joost] = [id('grand-cafe'), id('sanne'), id('joost')];
  const event = {
    scheduled: () =>
      projectionEvent('GatheringScheduled', grandCafeScheduled(gatheringId), at('2012-09-01T09:00:00.000Z')),
    registered: (memberId: string) =>
      projectionEvent('ParticipantRegistered', { gatheringId, memberId }, at('2012-10-01T09:00:00.000Z')),
    cancelledRegistration: (memberId: string) =>
      projectionEvent('RegistrationCancelled', { gatheringId, memberId }, at('2012-10-02T09:00:00.000Z')),
    held: (attendees: string[]) =>
      projectionEvent(
        'GatheringHeld',
        { gatheringId, attendees, heldOn: '2012-11-22T15:00:00.000Z' },
        at('2012-11-22T15:00:00.000Z'),
      ),
    cancelled: () =>
      projectionEvent(
        'GatheringCancelled',
        { gatheringId, reason: 'Te weinig aanmeldingen' },
        at('2012-11-01T09:00:00.000Z'),
      ),
  };
  const gatheringAfter = (events: Parameters<typeof project>[1]) =>
    project(gatheringsProjection, events).get<GatheringDocument>(GATHERINGS_COLLECTION, gatheringId);
  return { gatheringId, sanne, joost, at, event, gatheringAfter };
};

describe('gatherings projection', () => {
  describe('when a gathering is scheduled', () => {
    it('lists it as scheduled in the year it starts, without registrations, attendees or programme', () => {
      const { gatheringId, event, gatheringAfter } = aGrandCafe();
      const scheduled = event.scheduled();

      expect(gatheringAfter([scheduled])).toEqual({
        id: gatheringId,
        kind: 'grand-cafe',
        title: 'Slimmer werken',
        startsAt: '2012-11-22T15:00:00.000Z',
        year: 2012,
        venue: 'Beurs van Berlage',
        city: 'Amsterdam',
        capacity: 120,
        status: 'scheduled',
        registeredMemberIds: [],
        registeredCount: 0,
        attendeeIds: [],
        attendedCount: 0,
        programme: [],
        lastEventPosition: scheduled.position,
      });
    });
  });

  describe('given a scheduled gathering', () => {
    it('counts registrations and drops a cancelled one', () => {
      const { sanne, joost, event, gatheringAfter } = aGrandCafe();

      const gathering = gatheringAfter([
        event.scheduled(),
        event.registered(sanne),
        event.registered(joost),
        event.cancelledRegistration(sanne),
      ]);

      expect(gathering).toMatchObject({ registeredMemberIds: [joost], registeredCount: 1 });
    });

    it('adds programme items, with their speaker and the Doetank they spotlight', () => {
      const { gatheringId, at, event, gatheringAfter } = aGrandCafe();
      const scheduled = event.scheduled();
      const items = [
        projectionEvent(
          'ProgrammeItemAdded',
          {
            gatheringId,
            itemId: 'item-1',
            title: 'Pitch: de gemeente zonder huis',
            speaker: 'Sanne de Vries',
            doetankId: 'doetank-huis',
          },
          at('2012-11-01T09:00:00.000Z'),
        ),
        projectionEvent(
          'ProgrammeItemAdded',
          { gatheringId, itemId: 'item-2', title: 'Borrel' },
          at('2012-11-02T09:00:00.000Z'),
        ),
      ];

      expect(gatheringAfter([scheduled, ...items])?.programme).toEqual([
        {
          itemId: 'item-1',
          title: 'Pitch: de gemeente zonder huis',
          speaker: 'Sanne de Vries',
          doetankId: 'doetank-huis',
        },
        { itemId: 'item-2', title: 'Borrel' },
      ]);
    });

    it('records who attended when it was held, registered or not', () => {
      const { sanne, joost, event, gatheringAfter } = aGrandCafe();

      const gathering = gatheringAfter([
        event.scheduled(),
        event.registered(sanne),
        event.held([sanne, joost]),
      ]);

      expect(gathering).toMatchObject({
        status: 'held',
        heldOn: '2012-11-22T15:00:00.000Z',
        attendeeIds: [sanne, joost],
        attendedCount: 2,
        registeredCount: 1,
      });
    });

    it('keeps the last report recorded, with its links, quotes and guests', () => {
      const { gatheringId, sanne, at, event, gatheringAfter } = aGrandCafe();
      const report = (summary: string) =>
        projectionEvent(
          'GatheringReportRecorded',
          {
            gatheringId,
            summary,
            links: [{ title: 'Film', url: 'https://www.kl.nl/film', maker: 'Robin de Lange' }],
            quotes: [{ text: 'Een reis.', speaker: 'Lucas Lombaers', role: 'BZK' }],
            guests: 12,
          },
          at('2012-12-04T09:00:00.000Z'),
        );

      const gathering = gatheringAfter([
        event.scheduled(),
        event.held([sanne]),
        report('Eerst'),
        report('Later'),
      ]);

      expect(gathering?.report).toEqual({
        summary: 'Later',
        links: [{ title: 'Film', url: 'https://www.kl.nl/film', maker: 'Robin de Lange' }],
        quotes: [{ text: 'Een reis.', speaker: 'Lucas Lombaers', role: 'BZK' }],
        guests: 12,
      });
      expect(gathering?.status).toBe('held');
    });

    it('cancels it with the reason', () => {
      const { event, gatheringAfter } = aGrandCafe();

      expect(gatheringAfter([event.scheduled(), event.cancelled()])).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Te weinig aanmeldingen',
      });
    });
  });

  describe('given a cancelled gathering', () => {
    it('is not recorded as held afterwards, as the domain would not', () => {
      const { sanne, event, gatheringAfter } = aGrandCafe();

      const gathering = gatheringAfter([event.scheduled(), event.cancelled(), event.held([sanne])]);

      expect(gathering).toMatchObject({ status: 'cancelled', attendeeIds: [], attendedCount: 0 });
    });
  });

  it('ignores events for a gathering that was never scheduled', () => {
    const { sanne, event, gatheringAfter } = aGrandCafe();

    expect(gatheringAfter([event.registered(sanne), event.held([sanne])])).toBeUndefined();
  });

  it('changes nothing when the same events are delivered again', () => {
    const { sanne, joost, event } = aGrandCafe();
    const events = [
      event.scheduled(),
      event.registered(sanne),
      event.registered(joost),
      event.cancelledRegistration(joost),
      event.held([sanne, joost]),
    ];
    expectIdempotent(gatheringsProjection, events);
  });

  it('declares valid indexes by start, kind, year and status, newest first', () => {
    for (const declaration of gatheringsProjection.collections) normalizeDeclaration(declaration);

    expect(gatheringsProjection.collections[0].indexes?.map((index) => index.fields)).toEqual([
      [{ field: 'startsAt', order: 'desc' }],
      [{ field: 'kind' }, { field: 'startsAt', order: 'desc' }],
      [{ field: 'year' }, { field: 'startsAt', order: 'desc' }],
      [{ field: 'status' }, { field: 'startsAt', order: 'desc' }],
    ]);
  });
});
