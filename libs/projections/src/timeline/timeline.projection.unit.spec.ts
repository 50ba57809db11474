import type { TimelineEntry } from '@app/contracts/read-models/timeline.read-model';
import { normalizeDeclaration } from '@app/read-store/read-store.validation';
import { expectIdempotent, freshIds, project, projectionEvent } from '../testing';
import { gemeenteZonderHuisProposed, grandCafeScheduled, sanneJoined } from '../testing/sample-events';
import { TIMELINE_COLLECTION, TIMELINE_SUBJECTS_COLLECTION, timelineProjection } from './timeline.projection';

/** Fresh ids per test and a clock of positions, so no test depends on another. */
const aNetwork = () => {
  const { id, at } = freshIds();
  const entries = (store: ReturnType<typeof project>) => store.all<TimelineEntry>(TIMELINE_COLLECTION);
  return { id, at, entries };
};

describe('timeline projection', () => {
  describe('when a member joins the network', () => {
    it('writes one entry keyed by the event id, with business time, year and month', () => {
      const { id, at } = aNetwork();
      const joined = projectionEvent(
        'MemberJoined',
        sanneJoined(id('sanne')),
        at('2012-03-14T09:30:00+01:00', { actorId: id('sanne'), id: id('event') }),
      );

      const store = project(timelineProjection, [joined]);

      expect(store.get(TIMELINE_COLLECTION, id('event'))).toEqual({
        id: id('event'),
        position: joined.position,
        occurredAt: '2012-03-14T08:30:00.000Z',
        year: 2012,
        month: '2012-03',
        type: 'MemberJoined',
        kind: 'member',
        actorId: id('sanne'),
        memberIds: [id('sanne')],
        themeIds: [],
        details: {
          memberId: id('sanne'),
          organisation: 'Gemeente Utrecht',
          sector: 'gemeente',
          role: 'professional',
        },
        // Searchable in both languages, naming no member.
        search: {
          nl: 'Een lid sloot zich aan bij het netwerk (Gemeente Utrecht)',
          en: 'A member joined the network (Gemeente Utrecht)',
        },
        lastEventPosition: joined.position,
      });
    });

    it('keeps neither their name nor their e-mail address', () => {
      const { id, at, entries } = aNetwork();
      const joined = projectionEvent(
        'MemberJoined',
        sanneJoined(id('sanne')),
        at('2012-03-14T09:30:00.000Z'),
      );

      const text = JSON.stringify(entries(project(timelineProjection, [joined])));

      expect(text).not.toContain('Sanne de Vries');
      expect(text).not.toContain('sanne@utrecht.nl');
    });
  });

  it('writes no entry for e-mail claims and theme adoptions', () => {
    const { id, at, entries } = aNetwork();
    const bookkeeping = [
      projectionEvent(
        'EmailClaimed',
        { emailHash: id('hash'), memberId: id('sanne') },
        at('2012-03-14T09:30:00.000Z'),
      ),
      projectionEvent(
        'EmailReleased',
        { emailHash: id('hash'), memberId: id('sanne') },
        at('2012-03-15T09:30:00.000Z'),
      ),
      projectionEvent(
        'ThemeAdoptedByDoetank',
        { year: 2013, themeId: '2013-zelforganisatie', doetankId: id('doetank') },
        at('2013-02-01T09:00:00.000Z'),
      ),
    ];

    expect(timelineProjection.handles).not.toEqual(
      expect.arrayContaining(['EmailClaimed', 'EmailReleased', 'ThemeAdoptedByDoetank']),
    );
    expect(entries(project(timelineProjection, bookkeeping))).toEqual([]);
  });

  describe('given a proposed Doetank with a theme', () => {
    const aDoetank = () => {
      const network = aNetwork();
      const { id, at } = network;
      const proposed = projectionEvent(
        'DoetankProposed',
        gemeenteZonderHuisProposed(id('doetank'), id('sanne')),
        at('2013-01-10T10:00:00.000Z'),
      );
      return { ...network, proposed };
    };

    it('moves the entry of a corrected event to its corrected business time, keeping the time recorded', () => {
      const { id, at, proposed, entries } = aDoetank();
      const correction = (correctedTo: string, eventId: string | null = proposed.id) =>
        projectionEvent(
          'BusinessTimeCorrected',
          {
            doetankId: id('doetank'),
            revision: 0,
            eventType: 'DoetankProposed',
            ...(eventId !== null && { eventId }),
            correctedFrom: proposed.metadata.occurredAt,
            correctedTo,
            reason: 'Uit de notulen',
          },
          at('2026-01-05T10:00:00.000Z'),
        );
      const first = correction('2012-12-20T10:00:00.000Z');
      const second = correction('2012-11-02T10:00:00.000Z');

      const [entry] = entries(project(timelineProjection, [proposed, first, second]));

      expect(entry).toMatchObject({
        id: proposed.id,
        position: proposed.position,
        occurredAt: '2012-11-02T10:00:00.000Z',
        recordedOccurredAt: '2013-01-10T10:00:00.000Z',
        year: 2012,
        month: '2012-11',
        lastEventPosition: second.position,
      });
      // No entry of its own; a correction that names no event (recorded before they did) moves nothing.
      const unnamed = correction('2012-12-20T10:00:00.000Z', null);
      expect(entries(project(timelineProjection, [proposed, unnamed]))).toEqual([
        entries(project(timelineProjection, [proposed]))[0],
      ]);
    });

    it('files the proposal under the Doetank, its proposer and its theme', () => {
      const { id, proposed, entries } = aDoetank();

      const [entry] = entries(project(timelineProjection, [proposed]));

      expect(entry).toMatchObject({
        type: 'DoetankProposed',
        kind: 'doetank',
        doetankId: id('doetank'),
        memberIds: [id('sanne')],
        themeIds: ['2013-zelforganisatie'],
        details: { doetankTitle: 'De gemeente zonder huis', proposedBy: id('sanne') },
      });
    });

    it("gives a later result the Doetank's title and theme", () => {
      const { id, at, proposed } = aDoetank();
      const shared = projectionEvent(
        'ResultShared',
        {
          doetankId: id('doetank'),
          resultId: id('result'),
          kind: 'report',
          title: 'Het huisloze stadhuis',
          link: 'https://slimmernetwerk.nl/rapport',
          sharedBy: id('joost'),
        },
        at('2013-05-01T10:00:00.000Z', { id: id('shared') }),
      );

      const store = project(timelineProjection, [proposed, shared]);

      expect(store.get(TIMELINE_COLLECTION, id('shared'))).toMatchObject({
        kind: 'doetank',
        doetankId: id('doetank'),
        memberIds: [id('joost')],
        themeIds: ['2013-zelforganisatie'],
        details: {
          doetankTitle: 'De gemeente zonder huis',
          resultId: id('result'),
          resultKind: 'report',
          resultTitle: 'Het huisloze stadhuis',
          link: 'https://slimmernetwerk.nl/rapport',
          sharedBy: id('joost'),
        },
      });
      // Full-text search finds the result's title in the Dutch and the English summary.
      const { search } = store.get(TIMELINE_COLLECTION, id('shared')) as {
        search: { nl: string; en: string };
      };
      expect(search.nl).toContain("'Het huisloze stadhuis'");
      expect(search.nl).toContain('rapport');
      expect(search.en).toContain("'Het huisloze stadhuis'");
      expect(search.en).toContain('report');
    });

    it('lists the new and the previous coach when a coach is replaced', () => {
      const { id, at, proposed } = aDoetank();
      const replaced = projectionEvent(
        'CoachAssigned',
        { doetankId: id('doetank'), coachId: id('anna'), previousCoachId: id('joost') },
        at('2013-02-01T10:00:00.000Z', { id: id('coach') }),
      );

      const store = project(timelineProjection, [proposed, replaced]);

      expect(store.get(TIMELINE_COLLECTION, id('coach'))).toMatchObject({
        memberIds: [id('anna'), id('joost')],
        details: { coachId: id('anna'), previousCoachId: id('joost') },
      });
    });

    it("keeps the client's organisation but not its contact person", () => {
      const { id, at, proposed } = aDoetank();
      const secured = projectionEvent(
        'ClientSecured',
        { doetankId: id('doetank'), organisation: 'Gemeente Zeist', contactName: 'Piet Pietersen' },
        at('2013-02-01T10:00:00.000Z', { id: id('client') }),
      );

      const entry = project(timelineProjection, [proposed, secured]).get(TIMELINE_COLLECTION, id('client'));

      expect(entry).toMatchObject({ details: { organisation: 'Gemeente Zeist' } });
      expect(JSON.stringify(entry)).not.toContain('Piet Pietersen');
    });

    it('files a discussion about the Doetank under its own theme and the theme of the Doetank, also when it closes', () => {
      const { id, at, proposed } = aDoetank();
      const started = projectionEvent(
        'DiscussionStarted',
        {
          discussionId: id('discussion'),
          title: 'Wat is een Doetank?',
          link: 'https://slimmernetwerk.nl/groep/1',
          startedBy: id('sanne'),
          themeId: '2013-open-overheidsdata',
          doetankId: id('doetank'),
        },
        at('2013-03-01T10:00:00.000Z', { id: id('started') }),
      );
      const closed = projectionEvent(
        'DiscussionClosed',
        { discussionId: id('discussion') },
        at('2013-04-01T10:00:00.000Z', { id: id('closed') }),
      );

      const store = project(timelineProjection, [proposed, started, closed]);

      const filed = {
        kind: 'discussion',
        discussionId: id('discussion'),
        doetankId: id('doetank'),
        themeIds: ['2013-open-overheidsdata', '2013-zelforganisatie'],
      };
      expect(store.get(TIMELINE_COLLECTION, id('started'))).toMatchObject({
        ...filed,
        memberIds: [id('sanne')],
        details: { discussionTitle: 'Wat is een Doetank?', doetankTitle: 'De gemeente zonder huis' },
      });
      expect(store.get(TIMELINE_COLLECTION, id('closed'))).toMatchObject({
        ...filed,
        memberIds: [],
        details: { discussionTitle: 'Wat is een Doetank?' },
      });
    });
  });

  describe('given a scheduled Grand Café', () => {
    const aGrandCafe = () => {
      const network = aNetwork();
      const { id, at } = network;
      const scheduled = projectionEvent(
        'GatheringScheduled',
        grandCafeScheduled(id('grand-cafe')),
        at('2012-09-01T10:00:00.000Z'),
      );
      /** Its attendance on the day (event id `held`). */
      const heldWith = (attendees: string[]) =>
        projectionEvent(
          'GatheringHeld',
          { gatheringId: id('grand-cafe'), attendees, heldOn: '2012-11-22T15:00:00.000Z' },
          at('2012-11-22T15:00:00.000Z', { id: id('held') }),
        );
      return { ...network, scheduled, heldWith };
    };

    it('gives its attendance the kind and venue of the gathering and lists the attendees', () => {
      const { id, scheduled, heldWith } = aGrandCafe();
      const attendees = Array.from({ length: 98 }, (_, i) => id(`attendee-${i}`));
      const held = heldWith(attendees);

      const store = project(timelineProjection, [scheduled, held]);

      expect(store.get(TIMELINE_COLLECTION, id('held'))).toMatchObject({
        kind: 'gathering',
        gatheringId: id('grand-cafe'),
        memberIds: attendees,
        details: {
          gatheringKind: 'grand-cafe',
          gatheringTitle: 'Slimmer werken',
          venue: 'Beurs van Berlage',
          city: 'Amsterdam',
          attendeeCount: 98,
          attendeesTruncated: false,
        },
      });
    });

    it('lists at most 500 attendees and keeps the full count', () => {
      const { id, scheduled, heldWith } = aGrandCafe();
      const attendees = Array.from({ length: 1200 }, (_, i) => id(`attendee-${i}`));
      const held = heldWith(attendees);

      const entry = project(timelineProjection, [scheduled, held]).get<TimelineEntry>(
        TIMELINE_COLLECTION,
        id('held'),
      );

      expect(entry?.memberIds).toEqual(attendees.slice(0, 500));
      expect(entry?.details).toMatchObject({ attendeeCount: 1200, attendeesTruncated: true });
    });

    it("files a programme item that spotlights a Doetank under that Doetank and its theme, without the speaker's name", () => {
      const { id, at, scheduled } = aGrandCafe();
      const proposed = projectionEvent(
        'DoetankProposed',
        gemeenteZonderHuisProposed(id('doetank'), id('sanne')),
        at('2012-10-01T10:00:00.000Z'),
      );
      const item = projectionEvent(
        'ProgrammeItemAdded',
        {
          gatheringId: id('grand-cafe'),
          itemId: id('item'),
          title: 'Pitch: de gemeente zonder huis',
          speaker: 'Sanne de Vries',
          doetankId: id('doetank'),
        },
        at('2012-11-01T10:00:00.000Z', { id: id('item-added') }),
      );

      const entry = project(timelineProjection, [scheduled, proposed, item]).get(
        TIMELINE_COLLECTION,
        id('item-added'),
      );

      expect(entry).toMatchObject({
        gatheringId: id('grand-cafe'),
        doetankId: id('doetank'),
        themeIds: ['2013-zelforganisatie'],
        details: {
          gatheringKind: 'grand-cafe',
          doetankTitle: 'De gemeente zonder huis',
          itemTitle: 'Pitch: de gemeente zonder huis',
          hasSpeaker: true,
        },
      });
      expect(JSON.stringify(entry)).not.toContain('Sanne de Vries');
    });
  });

  it("leaves out why a member left, and keeps a supporter's name (a public role)", () => {
    const { id, at, entries } = aNetwork();
    const events = [
      projectionEvent(
        'MemberLeft',
        { memberId: id('joost'), reason: 'Verhuisd naar Groningen' },
        at('2013-06-01T10:00:00.000Z'),
      ),
      projectionEvent(
        'SupporterAdded',
        {
          year: 2013,
          supporterId: id('supporter'),
          name: 'Jan Bestuurder',
          affiliation: 'Ministerie van BZK',
        },
        at('2013-06-02T10:00:00.000Z'),
      ),
    ];

    const stored = entries(project(timelineProjection, events));

    expect(stored.map((entry) => entry.details)).toEqual([
      { memberId: id('joost') },
      {
        year: 2013,
        supporterId: id('supporter'),
        name: 'Jan Bestuurder',
        affiliation: 'Ministerie van BZK',
      },
    ]);
  });

  it('files the themes of a year under every theme', () => {
    const { at, entries } = aNetwork();
    const defined = projectionEvent(
      'YearThemesDefined',
      {
        year: 2013,
        themes: [
          { themeId: '2013-open-overheidsdata', title: 'Open overheidsdata', description: 'Data delen' },
          { themeId: '2013-zelforganisatie', title: 'Zelforganisatie' },
        ],
      },
      at('2013-01-02T10:00:00.000Z'),
    );

    const [entry] = entries(project(timelineProjection, [defined]));

    expect(entry).toMatchObject({
      kind: 'network',
      themeIds: ['2013-open-overheidsdata', '2013-zelforganisatie'],
      details: {
        year: 2013,
        themes: [
          { themeId: '2013-open-overheidsdata', title: 'Open overheidsdata' },
          { themeId: '2013-zelforganisatie', title: 'Zelforganisatie' },
        ],
      },
    });
  });

  it('still writes an entry for an event about a Doetank it never saw proposed, without its title or theme', () => {
    const { id, at, entries } = aNetwork();
    const started = projectionEvent(
      'DoetankStarted',
      { doetankId: id('doetank') },
      at('2013-02-01T10:00:00.000Z'),
    );

    const [entry] = entries(project(timelineProjection, [started]));

    expect(entry).toMatchObject({
      type: 'DoetankStarted',
      doetankId: id('doetank'),
      themeIds: [],
      details: {},
    });
  });

  it('remembers what it needs about Doetanks, gatherings and discussions in its own lookup collection', () => {
    const { id, at } = aNetwork();
    const { themeId: _noTheme, ...withoutTheme } = gemeenteZonderHuisProposed(id('doetank'), id('sanne'));
    const proposed = projectionEvent('DoetankProposed', withoutTheme, at('2013-01-10T10:00:00.000Z'));

    const store = project(timelineProjection, [proposed]);

    expect(store.get(TIMELINE_SUBJECTS_COLLECTION, `doetank-${id('doetank')}`)).toEqual({
      id: `doetank-${id('doetank')}`,
      subject: 'doetank',
      title: 'De gemeente zonder huis',
      themeIds: [],
      lastEventPosition: proposed.position,
    });
  });

  it('changes nothing when the same events are delivered again', () => {
    const { id, at } = aNetwork();
    const events = [
      projectionEvent(
        'DoetankProposed',
        {
          doetankId: id('doetank'),
          title: 'Minder regels',
          problemStatement: 'Te veel regels',
          proposedBy: id('sanne'),
        },
        at('2013-01-10T10:00:00.000Z'),
      ),
      projectionEvent(
        'MemberJoinedDoetank',
        { doetankId: id('doetank'), memberId: id('joost') },
        at('2013-01-11T10:00:00.000Z'),
      ),
      projectionEvent('DoetankStarted', { doetankId: id('doetank') }, at('2013-01-12T10:00:00.000Z')),
    ];
    expectIdempotent(timelineProjection, events);
  });

  it('declares valid indexes that all sort newest first by business time, then by position', () => {
    for (const declaration of timelineProjection.collections) normalizeDeclaration(declaration);
    const [timeline] = timelineProjection.collections;

    expect(timeline.arrayFields).toEqual(['memberIds', 'themeIds']);
    expect(
      timeline.indexes?.map((index) => index.fields.map((f) => `${f.field} ${f.order ?? 'asc'}`)),
    ).toEqual([
      ['occurredAt desc', 'position desc'],
      ['kind asc', 'occurredAt desc', 'position desc'],
      ['doetankId asc', 'occurredAt desc', 'position desc'],
      ['gatheringId asc', 'occurredAt desc', 'position desc'],
      ['memberIds asc', 'occurredAt desc', 'position desc'],
      ['themeIds asc', 'occurredAt desc', 'position desc'],
      ['year asc', 'occurredAt desc', 'position desc'],
    ]);
  });
});
