import type { NetworkYearEvent } from '@app/contracts';
import { programme2011 } from '@app/contracts/testing/network-year.fixture';
import { deciderSpec, refusedAfter, type Refusal } from '../testing';
import type {
  DescribeProgramme,
  MeasureCommunitySize,
  NetworkYearCommand,
  PublishNetworkResult,
} from './network-year.commands';
import { networkYearDecider } from './network-year.decider';

const spec = deciderSpec(networkYearDecider);
/** Every editorial record is the first of its kind in its year's stream, so most refusals need no history. */
const refusedOnANewStream = refusedAfter(
  spec,
  () => undefined,
  () => [],
);

const foreword = (text = 'Een jaar van doen.', name = 'Jorrit de Jong'): NetworkYearCommand => ({
  type: 'WriteForeword',
  data: { year: 2012, text, signedBy: { name, role: 'Kafkabrigade' } },
});
const forewordWritten = (text = 'Een jaar van doen.', name = 'Jorrit de Jong'): NetworkYearEvent => ({
  type: 'YearForewordWritten',
  data: { year: 2012, text, signedBy: { name, role: 'Kafkabrigade' } },
});

/** The builder of a command of `type` on `base` data, some of it overridden. */
const commandOn =
  <C extends NetworkYearCommand>(type: C['type'], base: C['data']) =>
  (data: Partial<C['data']> = {}): NetworkYearCommand =>
    ({ type, data: { ...base, ...data } }) as C;
const describe_ = commandOn<DescribeProgramme>('DescribeProgramme', programme2011);

const film = {
  year: 2012,
  resultId: 'film-grand-cafe',
  title: 'Innoveren door professionals',
  kind: 'film' as const,
  makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
  publishedOn: '2012-11-22',
};
const publish = commandOn<PublishNetworkResult>('PublishNetworkResult', film);

const linkedIn = {
  year: 2012,
  community: 'LinkedIn-groep Slimmernetwerk',
  size: 3000,
  approximate: true,
  measuredOn: '2012-12-04',
};
const measure = commandOn<MeasureCommunitySize>('MeasureCommunitySize', linkedIn);

describe('Network year: editorial records', () => {
  /** A record as sent and as recorded: recorded once, and a retry records nothing. */
  const records: [what: string, details: string, command: NetworkYearCommand, recorded: NetworkYearEvent][] =
    [
      [
        'the programme',
        'with its name, goals, consortium, funder and date of announcement',
        describe_(),
        { type: 'ProgrammeDescribed', data: programme2011 },
      ],
      [
        'a result of the network',
        'with its makers',
        publish(),
        { type: 'NetworkResultPublished', data: film },
      ],
      [
        "the community's size",
        'as an approximate count on a day',
        measure(),
        { type: 'CommunitySizeMeasured', data: linkedIn },
      ],
    ];

  it.each(records)('records %s %s', (_what, _details, command, recorded) => {
    spec.given([]).when(command).then([recorded]);
  });

  it.each([['the foreword', 'written', foreword(), forewordWritten()] as const, ...records])(
    'records nothing when %s is sent again (a retry)',
    (_what, _details, command, recorded) => {
      spec.given([recorded]).when(command).then([]);
    },
  );

  it.each<Refusal<void, NetworkYearCommand>>([
    ['a foreword with a blank text', () => foreword('  '), 'NETWORK.TEXT_REQUIRED'],
    ['a foreword without a signature', () => foreword('Tekst', ' '), 'NETWORK.TEXT_REQUIRED'],
    [
      'a foreword for a year out of range',
      () => ({ type: 'WriteForeword', data: { year: 1999, text: 'x', signedBy: { name: 'y' } } }),
      'NETWORK.YEAR_OUT_OF_RANGE',
    ],
    ['a programme without consortium', () => describe_({ consortium: [] }), 'NETWORK.CONSORTIUM_REQUIRED'],
    [
      'a programme with an organisation twice in its consortium',
      () => describe_({ consortium: [{ organisation: 'TNO' }, { organisation: ' tno ' }] }),
      'NETWORK.DUPLICATE_CONSORTIUM_MEMBER',
    ],
    [
      'a programme without a funder',
      () => describe_({ funder: { organisation: ' ', scheme: 'x' } }),
      'NETWORK.TEXT_REQUIRED',
    ],
    ['a result without a maker', () => publish({ makers: [] }), 'NETWORK.MAKER_REQUIRED'],
    [
      'a result with a link that is not http(s)',
      () => ({ ...publish(), data: { ...film, link: 'javascript:alert(1)' } }) as NetworkYearCommand,
      'NETWORK.LINK_INVALID',
    ],
  ])('refuses %s', refusedOnANewStream);

  describe('the foreword', () => {
    it('records the foreword, trimmed, with its signature', () => {
      spec.given([]).when(foreword('  Een jaar van doen. ')).then([forewordWritten()]);
    });

    it('records a rewritten foreword, which replaces the first', () => {
      spec
        .given([forewordWritten()])
        .when(foreword('Beter.'))
        .then([forewordWritten('Beter.')]);
    });
  });

  describe('the programme', () => {
    it('keeps the reconstruction flag only when it is set', () => {
      spec
        .given([])
        .when({ type: 'DescribeProgramme', data: { ...programme2011, reconstruction: true } })
        .then([{ type: 'ProgrammeDescribed', data: { ...programme2011, reconstruction: true } }]);
    });

    it('refuses an announcement outside the year of its stream', () => {
      const error = spec
        .given([])
        .when(describe_({ announcedOn: '2012-01-05' }))
        .thenThrows('NETWORK.DATE_OUTSIDE_YEAR');
      expect(error.params).toEqual({ year: 2011, field: 'announcedOn', date: '2012-01-05' });
    });
  });

  describe('a result of the network', () => {
    it('refuses another result under the same id', () => {
      spec
        .given([{ type: 'NetworkResultPublished', data: film }])
        .when(publish({ title: 'Iets anders' }))
        .thenThrows('NETWORK.DUPLICATE_RESULT');
    });
  });

  describe("the community's size", () => {
    it('records a corrected count of the same day', () => {
      spec
        .given([{ type: 'CommunitySizeMeasured', data: linkedIn }])
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
