import type { NetworkYearDocument } from '@app/contracts/read-models/network-year.read-model';
import { programme2011 } from '@app/contracts/testing/network-year.fixture';
import { positions, project, projectionEvent } from '../testing';
import { NETWORK_YEARS_COLLECTION, networkYearsProjection } from './network-years.projection';

const at = positions(1);
const linkedIn = (size: number, measuredOn: string) =>
  projectionEvent(
    'CommunitySizeMeasured',
    { year: 2012, community: 'LinkedIn-groep', size, approximate: true, measuredOn },
    at(`${measuredOn}T12:00:00.000Z`),
  );

const yearDoc = (events: Parameters<typeof project>[1], year: number) =>
  project(networkYearsProjection, events).get<NetworkYearDocument>(NETWORK_YEARS_COLLECTION, String(year));

describe('network-years projection', () => {
  it('keeps one document per year with its foreword, programmes, results and community sizes', () => {
    const events = [
      projectionEvent('ProgrammeDescribed', programme2011, at('2011-12-13T10:00:00.000Z')),
      projectionEvent(
        'YearForewordWritten',
        { year: 2012, text: 'Eerst.', signedBy: { name: 'A' } },
        at('2012-12-20T10:00:00.000Z'),
      ),
      projectionEvent(
        'YearForewordWritten',
        { year: 2012, text: 'Herschreven.', signedBy: { name: 'B', role: 'coördinator' } },
        at('2012-12-21T10:00:00.000Z'),
      ),
      projectionEvent(
        'NetworkResultPublished',
        {
          year: 2012,
          resultId: 'film',
          title: 'Innoveren door professionals',
          kind: 'film',
          makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
          publishedOn: '2012-11-22',
        },
        at('2012-11-22T20:00:00.000Z'),
      ),
      linkedIn(3000, '2012-12-04'),
      linkedIn(2500, '2012-06-01'),
      linkedIn(3010, '2012-12-04'),
    ];
    const { id: _id, programmes, ...rest } = yearDoc(events, 2011) ?? ({} as NetworkYearDocument);
    const { year: _year, ...described } = programme2011;
    expect(programmes).toEqual([described]);
    expect(rest.results).toEqual([]);

    const y2012 = yearDoc(events, 2012);
    expect(y2012?.foreword).toEqual({ text: 'Herschreven.', signedBy: { name: 'B', role: 'coördinator' } });
    expect(y2012?.results.map((r) => [r.title, r.makers[0].name])).toEqual([
      ['Innoveren door professionals', 'Robin de Lange'],
    ]);
    // In date order; a second count of the same day replaces the first.
    expect(y2012?.communitySizes.map((s) => [s.measuredOn, s.size])).toEqual([
      ['2012-06-01', 2500],
      ['2012-12-04', 3010],
    ]);
    expect(y2012?.lastEventPosition).toBe(events[events.length - 1].position);
  });
});
