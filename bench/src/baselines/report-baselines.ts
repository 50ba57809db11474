import type { LoadResult } from '../commands';
import { int, ms, ratio } from '../format';
import type { Row } from '../report-summary';
import type { CommandResults } from '../results';

/**
 * The command figures against each baseline of the same run: the bare route (Fastify alone), the framework floor
 * (the same app and route stack, no store work) and the peer (Emmett behind the same stack). Shared by the summary
 * table and the commands section of docs/benchmarks.md.
 */
export interface BaselineFigure {
  name: string;
  load: LoadResult;
}

/** The loads of the command part that have a figure to compare: ours (the mix, the two commands) and the peer. */
export function commandFigures(c: CommandResults): BaselineFigure[] {
  return [
    ...(c.floor ? [{ name: 'framework floor (the mix, no store work)', load: c.floor }] : []),
    { name: 'commands (the mix)', load: c.commands },
    ...(c.peerKinds ? [{ name: 'commands: join network, propose Doetank', load: c.peerKinds }] : []),
    ...(c.peer ? [{ name: 'peer: Emmett, join network, propose Doetank', load: c.peer.load }] : []),
  ];
}

/** One row per figure: accepted/s and its ratio to the bare route, the framework floor and the peer. */
export function ratioTable(c: CommandResults): { header: string[]; body: string[][] } {
  const bare = c.noop.acceptedPerSecond;
  const floor = c.floor?.acceptedPerSecond;
  const peer = c.peer?.load.acceptedPerSecond;
  return {
    header: ['', 'accepted/s', '÷ bare route', '÷ framework floor', '÷ peer (Emmett)'],
    body: [
      ['bare route', int(bare), '1.00x', ratio(bare, floor), ratio(bare, peer)],
      ...commandFigures(c).map(({ name, load }) => [
        name,
        int(load.acceptedPerSecond),
        ratio(load.acceptedPerSecond, bare),
        ratio(load.acceptedPerSecond, floor),
        ratio(load.acceptedPerSecond, peer),
      ]),
    ],
  };
}

/** Rows of the summary for the baselines of issue #20's targets (besides the bare-route rows report.ts has). */
export function baselineSummaryRows(c: CommandResults, verdict: (met: boolean) => string): Row[] {
  /** A throughput against a baseline's, with the target for it. */
  const against = (
    figure: string,
    [measured, baseline, baselineName]: [number, number, string],
    target: string,
    met: boolean,
  ): Row => ({
    part: 'commands over HTTP',
    figure,
    measured: int(measured),
    baseline: `${int(baseline)} (${baselineName})`,
    ratio: ratio(measured, baseline),
    target,
    verdict: verdict(met),
  });
  const rows: Row[] = [];
  const rate = c.commands.acceptedPerSecond;
  const bare = c.noop.acceptedPerSecond;
  if (c.floor) {
    const floor = c.floor.acceptedPerSecond;
    rows.push(
      against(
        'framework floor: requests/s through the same route stack, no store work',
        [floor, bare, 'bare route'],
        '>= 0.35x bare',
        floor >= 0.35 * bare,
      ),
      against(
        'accepted commands/s against the framework floor',
        [rate, floor, 'framework floor'],
        '>= 0.70x floor',
        rate >= 0.7 * floor,
      ),
    );
  }
  if (c.peerKinds && c.peer) {
    const ours = c.peerKinds.acceptedPerSecond;
    const peer = c.peer.load.acceptedPerSecond;
    rows.push(
      against(
        'join network + propose Doetank, accepted/s: ours vs the peer',
        [ours, peer, 'Emmett over HTTP'],
        'ahead of the peer',
        ours > peer,
      ),
      {
        part: 'commands over HTTP',
        figure: '  latency p99: ours vs the peer',
        measured: ms(c.peerKinds.latencyMs.p99),
        baseline: ms(c.peer.load.latencyMs.p99),
        ratio: ratio(c.peerKinds.latencyMs.p99, c.peer.load.latencyMs.p99),
        target: '',
        verdict: '',
      },
    );
  }
  return rows;
}
