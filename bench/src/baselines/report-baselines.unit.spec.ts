import type { LoadResult } from '../commands';
import type { CommandResults } from '../results';
import { baselineSummaryRows, ratioTable } from './report-baselines';

const load = (acceptedPerSecond: number, p99 = 10): LoadResult => ({
  seconds: 20,
  requests: acceptedPerSecond * 20,
  accepted: acceptedPerSecond * 20,
  acceptedPerSecond,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: { 201: acceptedPerSecond * 20 },
  latencyMs: { p50: 1, p90: 5, p99, max: 20 },
});

const results = (parts: Partial<CommandResults>): CommandResults => ({
  connections: 32,
  seconds: 20,
  pools: { members: 1000, doetanks: 100, gatherings: 100 },
  noop: load(20_000),
  commands: load(1_000),
  idleRssBytes: 0,
  peakRssBytes: 0,
  ...parts,
});

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

describe('the command figures against each baseline', () => {
  const full = results({
    floor: load(5_000),
    peerKinds: load(1_200, 40),
    peer: { load: load(400, 80), members: 100, busyRetries: 0 },
  });

  it('gives every figure its ratio to the bare route, the framework floor and the peer', () => {
    const { header, body } = ratioTable(full);
    expect(header).toEqual(['', 'accepted/s', '÷ bare route', '÷ framework floor', '÷ peer (Emmett)']);
    const row = (name: string) => body.find((cells) => cells[0] === name);
    expect(row('commands (the mix)')).toEqual(['commands (the mix)', '1,000', '0.05x', '0.20x', '2.50x']);
    expect(row('framework floor (the mix, no store work)')?.slice(2)).toEqual(['0.25x', '1.00x', '12.50x']);
    expect(row('peer: Emmett, join network, propose Doetank')?.slice(1)).toEqual([
      '400',
      '0.02x',
      '0.08x',
      '1.00x',
    ]);
  });

  it("judges the issue's targets: the floor against bare, commands against the floor, ours against the peer", () => {
    const rows = baselineSummaryRows(full, verdict);
    expect(rows.map((r) => [r.target, r.ratio, r.verdict])).toEqual([
      ['>= 0.35x bare', '0.25x', 'MISSED'],
      ['>= 0.70x floor', '0.20x', 'MISSED'],
      ['ahead of the peer', '3.00x', 'met'],
      ['', '0.50x', ''],
    ]);
  });

  it('leaves out what a run did not measure, and says n/a for a missing baseline', () => {
    const old = results({});
    expect(baselineSummaryRows(old, verdict)).toEqual([]);
    expect(ratioTable(old).body).toEqual([
      ['bare route', '20,000', '1.00x', 'n/a', 'n/a'],
      ['commands (the mix)', '1,000', '0.05x', 'n/a', 'n/a'],
    ]);
  });
});
