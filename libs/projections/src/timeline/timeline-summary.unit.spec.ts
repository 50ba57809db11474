import type { TimelineEntry, TimelineEventType } from '@app/contracts/read-models/timeline.read-model';
import {
  gemeenteZonderHuisProposed,
  grandCafeScheduled,
  positions,
  project,
  projectionEvent,
} from '../testing';
import { renderTimelineSummary, type TimelineNames } from './timeline-summary';
import type { RelatedDocuments } from '../projection';
import { timelineEntry } from './timeline-entries';
import type { TimelineEvent } from './timeline-subjects';
import { TIMELINE_COLLECTION, TIMELINE_EVENT_TYPES, timelineProjection } from './timeline.projection';

const at = positions();
const doetank = 'doetank-huis';
const stopped = 'doetank-papier';
const grandCafe = 'gathering-grand-cafe';
const cafe = 'gathering-cafe';
const discussion = 'discussion-1';

/** A network's history with every event type that has a timeline entry. */
const history = [
  projectionEvent(
    'MemberJoined',
    {
      memberId: 'sanne',
      personal: { name: 'Sanne de Vries', email: 'sanne@utrecht.nl' },
      organisation: 'Gemeente Utrecht',
      sector: 'gemeente',
      role: 'professional',
    },
    at('2012-01-10T09:00:00.000Z'),
  ),
  projectionEvent(
    'MemberAffiliationChanged',
    { memberId: 'sanne', organisation: 'Provincie Utrecht', sector: 'provincie', role: 'manager' },
    at('2012-02-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'YearThemesDefined',
    {
      year: 2013,
      themes: [
        { themeId: '2013-open-overheidsdata', title: 'Open overheidsdata' },
        { themeId: '2013-zelforganisatie', title: 'Zelforganisatie' },
      ],
    },
    at('2012-12-15T09:00:00.000Z'),
  ),
  projectionEvent(
    'DoetankProposed',
    gemeenteZonderHuisProposed(doetank, 'sanne'),
    at('2013-01-10T09:00:00.000Z'),
  ),
  projectionEvent(
    'ProblemStatementSharpened',
    { doetankId: doetank, problemStatement: 'Hoe werkt een gemeente zonder gebouw?', sharpenedBy: 'sanne' },
    at('2013-01-12T09:00:00.000Z'),
  ),
  projectionEvent('CoachAssigned', { doetankId: doetank, coachId: 'joost' }, at('2013-01-13T09:00:00.000Z')),
  projectionEvent(
    'CoachAssigned',
    { doetankId: doetank, coachId: 'anna', previousCoachId: 'joost' },
    at('2013-01-14T09:00:00.000Z'),
  ),
  projectionEvent(
    'ClientSecured',
    { doetankId: doetank, organisation: 'Gemeente Zeist', contactName: 'Piet Pietersen' },
    at('2013-01-15T09:00:00.000Z'),
  ),
  projectionEvent('DoetankStarted', { doetankId: doetank }, at('2013-01-20T09:00:00.000Z')),
  projectionEvent(
    'MemberJoinedDoetank',
    { doetankId: doetank, memberId: 'joost' },
    at('2013-01-21T09:00:00.000Z'),
  ),
  projectionEvent(
    'ResultShared',
    {
      doetankId: doetank,
      resultId: 'result-1',
      kind: 'report',
      title: 'Het huisloze stadhuis',
      sharedBy: 'sanne',
    },
    at('2013-03-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'LessonRecorded',
    { doetankId: doetank, lessonId: 'lesson-1', lesson: 'Begin bij de burger', recordedBy: 'joost' },
    at('2013-03-02T09:00:00.000Z'),
  ),
  projectionEvent(
    'MemberLeftDoetank',
    { doetankId: doetank, memberId: 'joost' },
    at('2013-04-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'DoetankConcluded',
    { doetankId: doetank, conclusion: 'Het kan.' },
    at('2013-06-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'DoetankProposed',
    {
      doetankId: stopped,
      title: 'Papierloos vergaderen',
      problemStatement: 'Te veel papier',
      proposedBy: 'joost',
    },
    at('2013-02-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'DoetankStopped',
    { doetankId: stopped, reason: 'Geen opdrachtgever gevonden' },
    at('2013-05-01T09:00:00.000Z'),
  ),
  projectionEvent('GatheringScheduled', grandCafeScheduled(grandCafe), at('2012-09-01T09:00:00.000Z')),
  projectionEvent(
    'ParticipantRegistered',
    { gatheringId: grandCafe, memberId: 'sanne' },
    at('2012-10-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'RegistrationCancelled',
    { gatheringId: grandCafe, memberId: 'sanne' },
    at('2012-10-02T09:00:00.000Z'),
  ),
  projectionEvent(
    'ProgrammeItemAdded',
    {
      gatheringId: grandCafe,
      itemId: 'item-1',
      title: 'Pitch: de gemeente zonder huis',
      speaker: 'Sanne de Vries',
      doetankId: doetank,
    },
    at('2012-11-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'GatheringHeld',
    {
      gatheringId: grandCafe,
      attendees: Array.from({ length: 98 }, (_, i) => `attendee-${i}`),
      heldOn: '2012-11-22T15:00:00.000Z',
    },
    at('2012-11-22T15:00:00.000Z'),
  ),
  projectionEvent(
    'GatheringScheduled',
    {
      gatheringId: cafe,
      kind: 'cafe',
      title: 'Open data in de praktijk',
      startsAt: '2013-03-05T16:00:00.000Z',
      venue: 'Pakhuis de Zwijger',
      capacity: 40,
    },
    at('2013-02-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'GatheringReportRecorded',
    {
      gatheringId: grandCafe,
      summary: 'Zo’n honderd vernieuwers.',
      links: [{ title: 'Film', url: 'https://www.kl.nl/film', maker: 'Robin de Lange' }],
      quotes: [],
    },
    at('2012-12-04T09:00:00.000Z'),
  ),
  projectionEvent(
    'GatheringCancelled',
    { gatheringId: cafe, reason: 'Te weinig aanmeldingen' },
    at('2013-03-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'StrategicPartnerAppointed',
    { year: 2013, organisation: 'KING', description: 'Kwaliteitsinstituut Nederlandse Gemeenten' },
    at('2013-01-05T09:00:00.000Z'),
  ),
  projectionEvent(
    'SupporterAdded',
    { year: 2013, supporterId: 'supporter-1', name: 'Jan Bestuurder', affiliation: 'Ministerie van BZK' },
    at('2013-01-06T09:00:00.000Z'),
  ),
  projectionEvent(
    'YearForewordWritten',
    { year: 2012, text: 'Een jaar van doen.', signedBy: { name: 'Jorrit de Jong', role: 'Kafkabrigade' } },
    at('2012-12-20T09:00:00.000Z'),
  ),
  projectionEvent(
    'ProgrammeDescribed',
    {
      year: 2011,
      programmeId: 'slimmernetwerk',
      name: 'Innoveren door professionals',
      goals: [],
      consortium: [{ organisation: 'Kennisland' }],
      funder: { organisation: 'Ministerie van BZK' },
      announcedOn: '2011-12-13',
    },
    at('2011-12-13T09:00:00.000Z'),
  ),
  projectionEvent(
    'NetworkResultPublished',
    {
      year: 2012,
      resultId: 'film',
      title: 'De film',
      kind: 'film',
      makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
      publishedOn: '2012-11-22',
    },
    at('2012-11-22T09:00:00.000Z'),
  ),
  projectionEvent(
    'CommunitySizeMeasured',
    { year: 2012, community: 'LinkedIn-groep', size: 3000, approximate: true, measuredOn: '2012-12-04' },
    at('2012-12-04T09:00:00.000Z'),
  ),
  projectionEvent(
    'DiscussionStarted',
    {
      discussionId: discussion,
      title: 'Wat is een Doetank?',
      link: 'https://slimmernetwerk.nl/groep/1',
      startedBy: 'sanne',
      doetankId: doetank,
    },
    at('2013-02-10T09:00:00.000Z'),
  ),
  projectionEvent('DiscussionClosed', { discussionId: discussion }, at('2013-03-10T09:00:00.000Z')),
  projectionEvent(
    'MemberLeft',
    { memberId: 'joost', reason: 'Met pensioen' },
    at('2013-09-01T09:00:00.000Z'),
  ),
  projectionEvent(
    'MemberForgotten',
    { memberId: 'joost', reason: 'Verzoek van het lid' },
    at('2013-10-01T09:00:00.000Z'),
  ),
];

const entries = project(timelineProjection, history).all<TimelineEntry>(TIMELINE_COLLECTION);

/** The `index`-th entry of a type, in history order. */
const entry = (type: TimelineEventType, index = 0): TimelineEntry => {
  const found = entries.filter((e) => e.type === type).sort((a, b) => a.position - b.position)[index];
  if (!found) throw new Error(`No ${type} entry ${index}`);
  return found;
};

const lookup =
  (names: Record<string, string>) =>
  (id: string): string | undefined =>
    names[id];

const names: TimelineNames = {
  member: lookup({ sanne: 'Sanne de Vries', joost: 'Joost Jansen', anna: 'Anna Bakker' }),
  doetank: lookup({ [doetank]: 'De gemeente zonder huis', [stopped]: 'Papierloos vergaderen' }),
  gathering: lookup({ [grandCafe]: 'Slimmer werken', [cafe]: 'Open data in de praktijk' }),
  theme: lookup({
    '2013-open-overheidsdata': 'Open overheidsdata',
    '2013-zelforganisatie': 'Zelforganisatie',
  }),
};

const nobody: TimelineNames = {
  member: () => undefined,
  doetank: () => undefined,
  gathering: () => undefined,
  theme: () => undefined,
};

const huis = "Doetank 'De gemeente zonder huis'";
const slimmer = "Grand Café 'Slimmer werken'";

const cases: [TimelineEventType, number, string, string][] = [
  [
    'MemberJoined',
    0,
    'Sanne de Vries sloot zich aan bij het netwerk (Gemeente Utrecht)',
    'Sanne de Vries joined the network (Gemeente Utrecht)',
  ],
  [
    'MemberAffiliationChanged',
    0,
    'Sanne de Vries is nu manager bij Provincie Utrecht',
    'Sanne de Vries is now a manager at Provincie Utrecht',
  ],
  ['MemberLeft', 0, 'Joost Jansen verliet het netwerk', 'Joost Jansen left the network'],
  [
    'MemberForgotten',
    0,
    'De persoonsgegevens van een lid zijn gewist',
    "A member's personal data was erased",
  ],
  [
    'DoetankProposed',
    0,
    `Sanne de Vries stelde ${huis} voor (thema 'Zelforganisatie')`,
    `Sanne de Vries proposed ${huis} (theme 'Zelforganisatie')`,
  ],
  [
    'ProblemStatementSharpened',
    0,
    `Sanne de Vries scherpte de probleemstelling van ${huis} aan`,
    `Sanne de Vries sharpened the problem statement of ${huis}`,
  ],
  ['CoachAssigned', 0, `Joost Jansen werd coach van ${huis}`, `Joost Jansen became coach of ${huis}`],
  [
    'CoachAssigned',
    1,
    `Anna Bakker werd coach van ${huis} (volgt Joost Jansen op)`,
    `Anna Bakker became coach of ${huis} (succeeding Joost Jansen)`,
  ],
  [
    'ClientSecured',
    0,
    `${huis} heeft Gemeente Zeist als opdrachtgever`,
    `${huis} secured Gemeente Zeist as its client`,
  ],
  ['DoetankStarted', 0, `${huis} is gestart`, `${huis} started`],
  ['MemberJoinedDoetank', 0, `Joost Jansen sloot zich aan bij ${huis}`, `Joost Jansen joined ${huis}`],
  ['MemberLeftDoetank', 0, `Joost Jansen verliet ${huis}`, `Joost Jansen left ${huis}`],
  [
    'ResultShared',
    0,
    `Sanne de Vries deelde een rapport 'Het huisloze stadhuis' uit ${huis}`,
    `Sanne de Vries shared a report 'Het huisloze stadhuis' from ${huis}`,
  ],
  [
    'LessonRecorded',
    0,
    `Joost Jansen legde een les vast in ${huis}`,
    `Joost Jansen recorded a lesson in ${huis}`,
  ],
  ['DoetankConcluded', 0, `${huis} is afgerond`, `${huis} concluded`],
  [
    'DoetankStopped',
    0,
    "Doetank 'Papierloos vergaderen' is gestopt: Geen opdrachtgever gevonden",
    "Doetank 'Papierloos vergaderen' stopped: Geen opdrachtgever gevonden",
  ],
  [
    'GatheringScheduled',
    0,
    `${slimmer} gepland op 22 november 2012 in Beurs van Berlage, Amsterdam`,
    `${slimmer} scheduled for 22 November 2012 at Beurs van Berlage, Amsterdam`,
  ],
  [
    'ParticipantRegistered',
    0,
    `Sanne de Vries meldde zich aan voor ${slimmer}`,
    `Sanne de Vries registered for ${slimmer}`,
  ],
  [
    'RegistrationCancelled',
    0,
    `Sanne de Vries meldde zich af voor ${slimmer}`,
    `Sanne de Vries cancelled their registration for ${slimmer}`,
  ],
  [
    'ProgrammeItemAdded',
    0,
    `'Pitch: de gemeente zonder huis' staat op het programma van ${slimmer} (met ${huis})`,
    `'Pitch: de gemeente zonder huis' added to the programme of ${slimmer} (featuring ${huis})`,
  ],
  [
    'GatheringHeld',
    0,
    'Grand Café in Beurs van Berlage gehouden met 98 deelnemers',
    'Grand Café held in Beurs van Berlage with 98 participants',
  ],
  [
    'GatheringReportRecorded',
    0,
    "Verslag van Grand Café 'Slimmer werken' gepubliceerd",
    "Report of Grand Café 'Slimmer werken' published",
  ],
  [
    'GatheringCancelled',
    0,
    "Café 'Open data in de praktijk' is afgelast: Te weinig aanmeldingen",
    "Café 'Open data in de praktijk' was cancelled: Te weinig aanmeldingen",
  ],
  [
    'YearThemesDefined',
    0,
    "Thema's voor 2013 vastgesteld: 'Open overheidsdata' en 'Zelforganisatie'",
    "Themes for 2013 defined: 'Open overheidsdata' and 'Zelforganisatie'",
  ],
  [
    'StrategicPartnerAppointed',
    0,
    'KING is strategisch partner voor 2013',
    'KING became strategic partner for 2013',
  ],
  [
    'SupporterAdded',
    0,
    'Jan Bestuurder (Ministerie van BZK) is supporter voor 2013',
    'Jan Bestuurder (Ministerie van BZK) became supporter for 2013',
  ],
  ['YearForewordWritten', 0, 'Voorwoord voor 2012 van Jorrit de Jong', 'Foreword for 2012 by Jorrit de Jong'],
  [
    'ProgrammeDescribed',
    0,
    "Programma 'Innoveren door professionals' aangekondigd, gefinancierd door Ministerie van BZK",
    "Programme 'Innoveren door professionals' announced, funded by Ministerie van BZK",
  ],
  [
    'NetworkResultPublished',
    0,
    "'De film' verschenen, gemaakt door Robin de Lange",
    "'De film' published, made by Robin de Lange",
  ],
  ['CommunitySizeMeasured', 0, 'LinkedIn-groep: ongeveer 3.000 leden', 'LinkedIn-groep: about 3,000 members'],
  [
    'DiscussionStarted',
    0,
    `Sanne de Vries startte de discussie 'Wat is een Doetank?' over ${huis}`,
    `Sanne de Vries started the discussion 'Wat is een Doetank?' about ${huis}`,
  ],
  [
    'DiscussionClosed',
    0,
    "De discussie 'Wat is een Doetank?' is gesloten",
    "The discussion 'Wat is een Doetank?' was closed",
  ],
];

describe('timeline summary', () => {
  it('has a case for every event type with an entry', () => {
    expect(new Set(cases.map(([type]) => type))).toEqual(new Set(TIMELINE_EVENT_TYPES));
  });

  describe.each(cases)('of %s (#%i)', (type, index, nl, en) => {
    it('reads as a Dutch sentence', () => {
      expect(renderTimelineSummary(entry(type, index), names, 'nl')).toBe(nl);
    });

    it('reads as an English sentence', () => {
      expect(renderTimelineSummary(entry(type, index), names, 'en')).toBe(en);
    });
  });

  it("carries a programme's reconstruction flag in its details, so the web page can say so", () => {
    expect(entry('ProgrammeDescribed').details).not.toHaveProperty('reconstruction');
    const reconstructed = projectionEvent(
      'ProgrammeDescribed',
      {
        year: 2011,
        programmeId: 'p',
        name: 'P',
        goals: [],
        consortium: [],
        funder: { organisation: 'BZK' },
        announcedOn: '2011-12-13',
        reconstruction: true,
      },
      at('2011-12-13T09:00:00.000Z'),
    );
    expect(timelineEntry(reconstructed as TimelineEvent, {} as RelatedDocuments).details).toMatchObject({
      reconstruction: true,
    });
  });

  it('names a supporter to anonymous readers too (a public role), and says what an older entry without the name can', () => {
    const anonymous = { ...names, member: () => undefined };
    expect(renderTimelineSummary(entry('SupporterAdded'), anonymous, 'nl')).toBe(
      'Jan Bestuurder (Ministerie van BZK) is supporter voor 2013',
    );
    const older = entry('SupporterAdded');
    const { name: _name, ...details } = older.details as { name?: string };
    expect(renderTimelineSummary({ ...older, details } as typeof older, names, 'en')).toBe(
      'New supporter for 2013 (Ministerie van BZK)',
    );
  });

  describe('when names are unknown', () => {
    it('says "een lid" and "a member" for a member', () => {
      const nameless = { ...names, member: () => undefined };

      expect(renderTimelineSummary(entry('MemberJoined'), nameless, 'nl')).toBe(
        'Een lid sloot zich aan bij het netwerk (Gemeente Utrecht)',
      );
      expect(renderTimelineSummary(entry('MemberJoined'), nameless, 'en')).toBe(
        'A member joined the network (Gemeente Utrecht)',
      );
    });

    it('uses the name the API passes for a forgotten member', () => {
      const forgotten = {
        ...names,
        member: (id: string) => (id === 'joost' ? 'vergeten lid' : names.member(id)),
      };

      expect(renderTimelineSummary(entry('MemberJoinedDoetank'), forgotten, 'nl')).toBe(
        `Vergeten lid sloot zich aan bij ${huis}`,
      );
      expect(
        renderTimelineSummary(
          entry('MemberJoinedDoetank'),
          { ...names, member: () => 'forgotten member' },
          'en',
        ),
      ).toBe(`Forgotten member joined ${huis}`);
    });

    it('uses the titles the timeline kept when the lookup does not know them', () => {
      expect(renderTimelineSummary(entry('DoetankStarted'), nobody, 'nl')).toBe(`${huis} is gestart`);
      expect(renderTimelineSummary(entry('ParticipantRegistered'), nobody, 'en')).toBe(
        `A member registered for ${slimmer}`,
      );
    });

    it('says "een Doetank" and "a Doetank" when no title is known at all', () => {
      const orphan = project(timelineProjection, [
        projectionEvent(
          'MemberJoinedDoetank',
          { doetankId: 'unknown', memberId: 'sanne' },
          at('2013-01-01T09:00:00.000Z'),
        ),
      ]).all<TimelineEntry>(TIMELINE_COLLECTION)[0];

      expect(renderTimelineSummary(orphan, nobody, 'nl')).toBe('Een lid sloot zich aan bij een Doetank');
      expect(renderTimelineSummary(orphan, nobody, 'en')).toBe('A member joined a Doetank');
    });
  });

  it('counts a single participant in the singular', () => {
    const single = project(timelineProjection, [
      history.find((event) => event.type === 'GatheringScheduled')!,
      projectionEvent(
        'GatheringHeld',
        { gatheringId: grandCafe, attendees: ['sanne'], heldOn: '2012-11-22T15:00:00.000Z' },
        at('2012-11-22T15:00:00.000Z', { id: 'held-once' }),
      ),
    ]).get<TimelineEntry>(TIMELINE_COLLECTION, 'held-once')!;

    expect(renderTimelineSummary(single, names, 'nl')).toBe(
      'Grand Café in Beurs van Berlage gehouden met 1 deelnemer',
    );
    expect(renderTimelineSummary(single, names, 'en')).toBe(
      'Grand Café held in Beurs van Berlage with 1 participant',
    );
  });
});
