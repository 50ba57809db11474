import type { Retrospective, RetrospectiveYearDocument } from '@app/contracts/read-models';
import { assembleRetrospective } from './retrospective.assemble';
import { projectRetrospectives, retrospectiveOf, yearDocuments } from './testing/retrospective-history';
import {
  expectedRetrospective,
  interleavedByStream,
  scriptedNetwork,
  streamsNewestFirst,
  yearOf,
} from './testing/scripted-network';

/** As the API does: the documents up to the year. */
const assembled = (year: number, docs: readonly RetrospectiveYearDocument[]) =>
  assembleRetrospective(
    year,
    docs.filter((doc) => doc.year <= year),
  );

const FIGURES: (keyof Retrospective)[] = [
  'year',
  'members',
  'doetanks',
  'results',
  'lessons',
  'gatherings',
  'discussions',
  'partners',
  'supporters',
  'themes',
  'activityPerMonth',
  'memberGrowthPerMonth',
  'previousYear',
  'trend',
  'highlights',
];

describe('The retrospective of a scripted year', () => {
  const script = scriptedNetwork(20121122);
  const expected2012 = expectedRetrospective(2012, script);

  it('is a year worth a retrospective', () => {
    // Given the script; Then it holds what a real year held
    expect(expected2012.members.joined).toBe(300);
    expect(expected2012.members.totalAtYearEnd).toBeGreaterThan(300);
    expect(expected2012.doetanks.proposed).toBe(12);
    expect(expected2012.doetanks.concluded).toBeGreaterThan(0);
    expect(expected2012.doetanks.activeAtYearEnd).toBeGreaterThan(0);
    expect(expected2012.gatherings.byKind.cafe).toMatchObject({ held: 6, cancelled: 1 });
    expect(expected2012.gatherings.byKind.masterclass.held).toBe(3);
    expect(expected2012.gatherings.byKind['grand-cafe']).toMatchObject({ held: 1, attendance: 100 });
    expect(expected2012.gatherings.firstTimeAttendees).toBeGreaterThan(0);
    expect(expected2012.gatherings.firstTimeAttendees).toBeLessThan(expected2012.gatherings.attendance);
    expect(expected2012.highlights.bestAttendedGathering?.venue).toBe('Beurs van Berlage');
    expect(expected2012.partners).toEqual([{ organisation: 'KING', description: 'Strategic partner' }]);
    expect(expected2012.previousYear?.membersJoined).toBe(41);
    expect(script.some((e) => e.metadata.recordedAt.startsWith('2014') && yearOf(e) === 2012)).toBe(true);
  });

  it('equals the figures counted from the script, figure for figure', () => {
    // When
    const retrospective = retrospectiveOf(2012, script);
    // Then
    for (const figure of FIGURES)
      expect({ figure, value: retrospective[figure] }).toEqual({ figure, value: expected2012[figure] });
    expect(retrospective).toEqual(expected2012);
  });

  it('equals the figures counted from the script for the year before and the year after', () => {
    // When
    const docs = yearDocuments(projectRetrospectives(script));
    // Then
    expect(assembled(2011, docs)).toEqual(expectedRetrospective(2011, script));
    expect(assembled(2013, docs)).toEqual(expectedRetrospective(2013, script));
  });

  it('gives the same figures when the streams arrive interleaved out of business-time order', () => {
    // Given the same events, each stream in its order but the streams interleaved at random (an import)
    const expected2011 = expectedRetrospective(2011, script);
    for (const seed of [1, 2]) {
      // When
      const docs = yearDocuments(projectRetrospectives(interleavedByStream(script, seed)));
      // Then
      expect(assembled(2012, docs)).toEqual(expected2012);
      expect(assembled(2011, docs)).toEqual(expected2011);
    }
  });

  it('gives the same figures when whole streams arrive newest first, moving first-time attendees across years', () => {
    // Given the gatherings of 2012 recorded before the café of 2011, the Grand Café before the masterclasses
    const newestFirst = streamsNewestFirst(script);
    // When
    const docs = yearDocuments(projectRetrospectives(newestFirst));
    // Then first-time attendees were taken back from later gatherings, also from another year's document
    expect(docs.find((d) => d.year === 2011)!.gatherings.firstTimerCorrections.length).toBeGreaterThan(0);
    expect(assembled(2012, docs)).toEqual(expected2012);
    expect(assembled(2011, docs)).toEqual(expectedRetrospective(2011, script));
  });

  it('changes nothing when the whole script is delivered again', () => {
    // Given
    const store = projectRetrospectives(script);
    const before = store.snapshot();
    // When
    projectRetrospectives(script, store);
    // Then
    expect(store.snapshot()).toEqual(before);
  });

  it('keeps the year document small and free of member ids', () => {
    // When
    const doc = yearDocuments(projectRetrospectives(script)).find((d) => d.year === 2012)!;
    // Then
    const json = JSON.stringify(doc);
    expect(json.length).toBeLessThan(20_000);
    expect(json).not.toMatch(/member-\d{4}/);
  });
});
