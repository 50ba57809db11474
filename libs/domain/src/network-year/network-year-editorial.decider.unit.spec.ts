import type { NetworkYearEvent } from '@app/contracts';
import { programme2011 } from '@app/contracts/testing/network-year.fixture';
import { deciderSpec } from '../testing';
import type { NetworkYearCommand } from './network-year.commands';
import { networkYearDecider } from './network-year.decider';

const spec = deciderSpec(networkYearDecider);

const foreword = (text = 'Een jaar van doen.', name = 'Jorrit de Jong'): NetworkYearCommand => ({
  type: 'WriteForeword',
  data: { year: 2012, text, signedBy: { name, role: 'Kafkabrigade' } },
});
const forewordWritten = (text = 'Een jaar van doen.', name = 'Jorrit de Jong'): NetworkYearEvent => ({
  type: 'YearForewordWritten',
  data: { year: 2012, text, signedBy: { name, role: 'Kafkabrigade' } },
});

const describe_ = (data: Partial<typeof programme2011> = {}): NetworkYearCommand => ({
  type: 'DescribeProgramme',
  data: { ...programme2011, ...data },
});

const film = {
  year: 2012,
  resultId: 'film-grand-cafe',
  title: 'Innoveren door professionals',
  kind: 'film' as const,
  makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
  publishedOn: '2012-11-22',
};
const publish = (data: Partial<typeof film> = {}): NetworkYearCommand => ({
  type: 'PublishNetworkResult',
  data: { ...film, ...data },
});

const linkedIn = {
  year: 2012,
  community: 'LinkedIn-groep Slimmernetwerk',
  size: 3000,
  approximate: true,
  measuredOn: '2012-12-04',
};
const measure = (data: Partial<typeof linkedIn> = {}): NetworkYearCommand => ({
  type: 'MeasureCommunitySize',
  data: { ...linkedIn, ...data },
});

describe('Network year: editorial records', () => {
  describe('the foreword', () => {
    it('records the foreword, trimmed, with its signature', () => {
      spec.given([]).when(foreword('  Een jaar van doen. ')).then([forewordWritten()]);
    });

    it('records nothing when the same foreword is written again (a retry)', () => {
      spec.given([forewordWritten()]).when(foreword()).then([]);
    });

    it('records a rewritten foreword, which replaces the first', () => {
      spec
        .given([forewordWritten()])
        .when(foreword('Beter.'))
        .then([forewordWritten('Beter.')]);
    });

    it.each([
      ['a blank text', foreword('  ')],
      ['no signature', foreword('Tekst', ' ')],
    ])('refuses %s', (_case, command) => {
      spec.given([]).when(command).thenThrows('NETWORK.TEXT_REQUIRED');
    });

    it('refuses a year out of range', () => {
      spec
        .given([])
        .when({ type: 'WriteForeword', data: { year: 1999, text: 'x', signedBy: { name: 'y' } } })
        .thenThrows('NETWORK.YEAR_OUT_OF_RANGE');
    });
  });

  describe('the programme', () => {
    it('records its name, goals, consortium, funder and date of announcement', () => {
      spec
        .given([])
        .when(describe_())
        .then([{ type: 'ProgrammeDescribed', data: programme2011 }]);
    });

    it('keeps the reconstruction flag only when it is set', () => {
      spec
        .given([])
        .when({ type: 'DescribeProgramme', data: { ...programme2011, reconstruction: true } })
        .then([{ type: 'ProgrammeDescribed', data: { ...programme2011, reconstruction: true } }]);
    });

    it('records nothing when the same description is sent again', () => {
      spec
        .given([{ type: 'ProgrammeDescribed', data: programme2011 }])
        .when(describe_())
        .then([]);
    });

    it('refuses an announcement outside the year of its stream', () => {
      const error = spec
        .given([])
        .when(describe_({ announcedOn: '2012-01-05' }))
        .thenThrows('NETWORK.DATE_OUTSIDE_YEAR');
      expect(error.params).toEqual({ year: 2011, field: 'announcedOn', date: '2012-01-05' });
    });

    it('refuses a programme without consortium, or with an organisation twice', () => {
      spec
        .given([])
        .when(describe_({ consortium: [] }))
        .thenThrows('NETWORK.CONSORTIUM_REQUIRED');
      spec
        .given([])
        .when(describe_({ consortium: [{ organisation: 'TNO' }, { organisation: ' tno ' }] }))
        .thenThrows('NETWORK.DUPLICATE_CONSORTIUM_MEMBER');
    });

    it('refuses a programme without a funder', () => {
      spec
        .given([])
        .when(describe_({ funder: { organisation: ' ', scheme: 'x' } }))
        .thenThrows('NETWORK.TEXT_REQUIRED');
    });
  });

  describe('a result of the network', () => {
    it('records the result with its makers', () => {
      spec
        .given([])
        .when(publish())
        .then([{ type: 'NetworkResultPublished', data: film }]);
    });

    it('records nothing for a retry, and refuses another result under the same id', () => {
      const published: NetworkYearEvent = { type: 'NetworkResultPublished', data: film };
      spec.given([published]).when(publish()).then([]);
      spec
        .given([published])
        .when(publish({ title: 'Iets anders' }))
        .thenThrows('NETWORK.DUPLICATE_RESULT');
    });

    it('refuses a result without a maker, or with a link that is not http(s)', () => {
      spec
        .given([])
        .when(publish({ makers: [] }))
        .thenThrows('NETWORK.MAKER_REQUIRED');
      spec
        .given([])
        .when({ ...publish(), data: { ...film, link: 'javascript:alert(1)' } } as NetworkYearCommand)
        .thenThrows('NETWORK.LINK_INVALID');
    });
  });

  describe("the community's size", () => {
    it('records an approximate count on a day', () => {
      spec
        .given([])
        .when(measure())
        .then([{ type: 'CommunitySizeMeasured', data: linkedIn }]);
    });

    it('records nothing for the same count, and a corrected count of the same day', () => {
      const measured: NetworkYearEvent = { type: 'CommunitySizeMeasured', data: linkedIn };
      spec.given([measured]).when(measure()).then([]);
      spec
        .given([measured])
        .when(measure({ size: 3018, approximate: false }))
        .then([{ type: 'CommunitySizeMeasured', data: { ...linkedIn, size: 3018, approximate: false } }]);
    });

    it.each([-1, 2.5, Number.NaN])('refuses the size %p', (size) => {
      spec.given([]).when(measure({ size })).thenThrows('NETWORK.COMMUNITY_SIZE_INVALID');
    });

    it('refuses a count dated in another year', () => {
      spec
        .given([])
        .when(measure({ measuredOn: '2013-01-01' }))
        .thenThrows('NETWORK.DATE_OUTSIDE_YEAR');
    });
  });
});
