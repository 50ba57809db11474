import { baselineSummaryRows } from './baselines/report-baselines';
import { int, mb, ms, perSecond, ratio } from './format';
import { mdTable } from './report-markdown';
import { soakFigures } from './report-soak';
import type { BenchResults } from './results';

/** One line of the summary: a figure beside its baseline and the target. */
export interface Row {
  part: string;
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
}

/**
 * The verdict on a target. Targets the issue sets at 1M events are still checked at smaller sizes (a miss there
 * is a miss at 1M too), but a pass is marked as not yet shown at the size the target names.
 */
function verdict(met: boolean, size: string, targetSize?: string): string {
  if (!met) return 'MISSED';
  return targetSize && size !== targetSize ? `met at ${size} (target is at ${targetSize})` : 'met';
}

export function summaryRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  const c = r.commands;
  if (c) {
    const rate = c.commands.acceptedPerSecond;
    const bare = c.noop.acceptedPerSecond;
    rows.push(
      {
        part: 'commands over HTTP',
        figure: `accepted commands/s (${c.connections} connections, ${c.seconds} s)`,
        measured: int(rate),
        baseline: `${int(bare)} (bare endpoint)`,
        ratio: ratio(rate, bare),
        // Issue #20 sets the commands' target against the framework floor (below), not the bare route.
        target: '',
        verdict: '',
      },
      {
        part: 'commands over HTTP',
        figure: 'latency p50 / p99',
        measured: `${ms(c.commands.latencyMs.p50)} / ${ms(c.commands.latencyMs.p99)}`,
        baseline: `${ms(c.noop.latencyMs.p50)} / ${ms(c.noop.latencyMs.p99)}`,
        ratio: ratio(c.commands.latencyMs.p99, c.noop.latencyMs.p99),
        target: 'p99 < 50 ms at 32 connections',
        verdict:
          c.connections === 32
            ? verdict(c.commands.latencyMs.p99 < 50, r.size)
            : `not shown (${c.connections} connections)`,
      },
      ...baselineSummaryRows(c, (met) => verdict(met, r.size)),
      {
        part: 'commands over HTTP',
        figure: 'non-2xx answers',
        measured: `${int(c.commands.non2xx)} of ${int(c.commands.requests)}`,
        baseline: `${int(c.noop.non2xx)} of ${int(c.noop.requests)}`,
        ratio: '',
        target: '',
        verdict: '',
      },
      {
        part: 'memory',
        figure: 'api peak RSS during the command load',
        measured: mb(c.peakRssBytes),
        baseline: `${mb(c.idleRssBytes)} (idle)`,
        ratio: ratio(c.peakRssBytes, c.idleRssBytes),
        target: '',
        verdict: '',
      },
    );
  }
  const a = r.appends;
  if (a) {
    rows.push({
      part: 'appends in-process',
      figure: `events/s, SqliteEventStore.appendToStream (${int(a.events)} events)`,
      measured: int(a.store.eventsPerSecond),
      baseline: `${int(a.raw.eventsPerSecond)} (raw better-sqlite3)`,
      ratio: ratio(a.store.eventsPerSecond, a.raw.eventsPerSecond),
      target: '',
      verdict: '',
    });
    if (a.rawHashed) {
      rows.push({
        part: 'appends in-process',
        figure: 'events/s, raw better-sqlite3 with the chain hash',
        measured: int(a.rawHashed.eventsPerSecond),
        baseline: `${int(a.raw.eventsPerSecond)} (without)`,
        ratio: ratio(a.rawHashed.eventsPerSecond, a.raw.eventsPerSecond),
        target: '',
        verdict: '',
      });
    }
  }
  const b = r.rebuild;
  if (b) {
    const baselineSeconds = sum(b.baseline.writes, 'readSeconds') + sum(b.baseline.writes, 'seconds');
    const rate = perSecond(b.run.head, b.run.seconds);
    const baselineRate = perSecond(b.run.head, baselineSeconds);
    // Each projection runs on one thread: the log's events over the projections' summed times.
    const oneCoreRate = perSecond(b.run.head, sum(b.run.projections, 'seconds'));
    rows.push(
      {
        part: 'projector rebuild',
        figure: `events/s, all ${b.run.projections.length} projections, 0 to caught up (${b.run.lanes} lane${b.run.lanes > 1 ? 's' : ''})`,
        measured: int(rate),
        baseline: `${int(baselineRate)} (raw read + raw writes, 1 thread)`,
        ratio: ratio(rate, baselineRate),
        target: '>= 0.70x raw and >= 20,000/s at 1m',
        verdict: verdict(rate >= 20_000 && rate >= 0.7 * baselineRate, r.size, '1m'),
      },
      // With more than one lane, also the rate one core would give, the fair comparison with the baseline.
      ...(b.run.lanes > 1
        ? [
            {
              part: 'projector rebuild',
              figure: '  events/s on one core (the log ÷ the projections summed times)',
              measured: int(oneCoreRate),
              baseline: int(baselineRate),
              ratio: ratio(oneCoreRate, baselineRate),
              target: '',
              verdict: '',
            },
          ]
        : []),
      ...b.run.projections.map((p) => {
        const w = b.baseline.writes.find((x) => x.name === p.name);
        const projectionRate = perSecond(p.events, p.seconds);
        const projectionBaseline = perSecond(p.events, (w?.readSeconds ?? 0) + (w?.seconds ?? 0));
        return {
          part: 'projector rebuild',
          figure: `  events/s, ${p.name}`,
          measured: int(projectionRate),
          baseline: int(projectionBaseline),
          ratio: ratio(projectionRate, projectionBaseline),
          target: '',
          verdict: '',
        };
      }),
      {
        part: 'memory',
        figure: 'projector peak RSS during the rebuild',
        measured: mb(b.run.peakRssBytes),
        baseline: `${mb(b.run.idleRssBytes)} (stores open, idle)`,
        ratio: ratio(b.run.peakRssBytes, b.run.idleRssBytes),
        target: '< 300 MB at 1m',
        verdict: verdict(b.run.peakRssBytes < 300 * 1024 ** 2, r.size, '1m'),
      },
    );
  }
  const q = r.queries;
  if (q) {
    for (const query of q.cases) {
      const isTimeline = query.name.startsWith('timeline');
      const isRetrospective = query.name.startsWith('retrospective');
      // A picker's suggestions as someone types: answered within 50 ms (p95) at 1m, the web page's promise.
      const isTypeahead = query.name.endsWith('typeahead');
      rows.push({
        part: 'queries',
        figure: `${query.name}: p50 / p95 server-side`,
        measured: `${ms(query.server.p50)} / ${ms(query.server.p95)}`,
        baseline: `${ms(query.http.p50)} / ${ms(query.http.p95)} (HTTP)`,
        ratio: ratio(query.http.p95, query.server.p95),
        target: isTimeline
          ? 'p95 < 5 ms at 1m'
          : isRetrospective
            ? '< 5 ms (p95) at 1m'
            : isTypeahead
              ? 'p95 < 50 ms at 1m'
              : '',
        verdict:
          isTimeline || isRetrospective
            ? verdict(query.server.p95 < 5, r.size, '1m')
            : isTypeahead
              ? verdict(query.server.p95 < 50, r.size, '1m')
              : '',
      });
    }
  }
  const p = r.peer;
  if (p) {
    const ours = p.runs[0];
    for (const run of p.runs.slice(1)) {
      rows.push(
        {
          part: 'peer (Emmett)',
          figure: `appends events/s: ours vs ${run.store}`,
          measured: int(ours.appendEventsPerSecond),
          baseline: int(run.appendEventsPerSecond),
          ratio: ratio(ours.appendEventsPerSecond, run.appendEventsPerSecond),
          target: '',
          verdict: '',
        },
        {
          part: 'peer (Emmett)',
          figure: `stream reads events/s: ours vs ${run.store}`,
          measured: int(ours.readEventsPerSecond),
          baseline: int(run.readEventsPerSecond),
          ratio: ratio(ours.readEventsPerSecond, run.readEventsPerSecond),
          target: '',
          verdict: '',
        },
      );
    }
  }
  const soak = r.soak && soakFigures(r.soak);
  if (soak) {
    rows.push({
      part: 'memory',
      figure: `api live heap (${soak.collected ? 'after full collections' : 'floor'}) over ${soak.minutes} min of command load: first minute -> last`,
      measured: `${mb(soak.startLiveHeap)} -> ${mb(soak.endLiveHeap)} (RSS ${mb(soak.rssRange[0])}-${mb(soak.rssRange[1])})`,
      baseline: `${mb(soak.startLiveHeap)} (first minute after warm-up)`,
      ratio: ratio(soak.endLiveHeap, soak.startLiveHeap),
      target: 'flat over 10 min',
      verdict:
        soak.minutes < 10
          ? `${soak.flat ? 'flat' : 'GROWING'} over ${soak.minutes} min (target is 10)`
          : soak.flat
            ? 'met'
            : 'MISSED',
    });
  }
  return rows;
}

function sum<T, K extends keyof T>(items: readonly T[], key: K): number {
  return items.reduce((n, item) => n + Number(item[key]), 0);
}

const COLUMNS: { key: keyof Row; title: string }[] = [
  { key: 'part', title: 'part' },
  { key: 'figure', title: 'figure' },
  { key: 'measured', title: 'measured' },
  { key: 'baseline', title: 'baseline' },
  { key: 'ratio', title: 'ratio' },
  { key: 'target', title: 'target' },
  { key: 'verdict', title: 'verdict' },
];

/** The summary as a plain-text table for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const widths = COLUMNS.map(({ key, title }) =>
    Math.max(title.length, ...rows.map((row) => row[key].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    line(COLUMNS.map((c) => c.title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line(COLUMNS.map((c) => row[c.key]))),
  ].join('\n');
}

/** The summary as a Markdown table. */
export const summaryTable = (rows: readonly Row[]): string =>
  mdTable(
    COLUMNS.map((c) => c.title),
    rows.map((row) => COLUMNS.map((c) => row[c.key])),
  );
