import { int } from './format';
import { DEFAULT_PARTS } from './options';
import { mdTable, para, section } from './report-markdown';
import { HOW_TO_RUN, WHAT_IT_MEANS } from './report-prose';
import {
  appendsSection,
  commandsSection,
  peerSection,
  queriesSection,
  rebuildSection,
} from './report-sections';
import { soakSection } from './report-soak';
import { summaryRows, summaryTable } from './report-summary';
import type { BenchResults } from './results';

export { soakFigures } from './report-soak';
export { summaryRows, textTable } from './report-summary';

/** docs/benchmarks.md: the run's figures with their baselines and targets, how to run, what each figure means. */
export function markdownReport(r: BenchResults): string {
  const m = r.machine;
  return [
    '# Benchmarks',
    '',
    para(
      'Written by `npm run bench` (bench/); every figure below comes from the run described here. Compare runs',
      'on the same machine only.',
    ),
    ...section(
      'The run',
      mdTable(
        ['', ''],
        [
          ['machine', `${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB memory, ${m.os}`],
          ['Node.js', m.node],
          ['date', m.date],
          ['commit', `${m.commit}${m.dirty ? ' with uncommitted changes in the work tree' : ''}`],
          [
            'load average (1 min)',
            `${m.loadAtStart.toFixed(2)} at the start, ${m.loadAtEnd?.toFixed(2) ?? '?'} at the end ` +
              `(${m.cores} cores: above ${m.cores} the machine was busy with more than this run)`,
          ],
          [
            'size',
            `${r.size}: ${int(r.store.events)} events in ${int(r.store.appends)} appends on ${int(r.store.streams)} ` +
              `streams (seed ${r.seed}, generator ${r.store.generator}, ` +
              `${r.store.cached ? 'cached store' : `generated in ${r.store.generatedInSeconds.toFixed(1)} s`})`,
          ],
          [
            'parts',
            DEFAULT_PARTS.every((p) => r.parts.includes(p))
              ? r.parts.includes('soak')
                ? 'all, and the soak'
                : 'all'
              : r.parts.join(', '),
          ],
          [
            'SQLite synchronous',
            r.synchronous === 'FULL'
              ? "FULL (the app's default: an acknowledged write survives a power loss)"
              : 'NORMAL (SQLITE_SYNCHRONOUS=NORMAL, not the default)',
          ],
          ['duration', r.totalSeconds !== undefined ? `${r.totalSeconds.toFixed(0)} s` : '?'],
        ],
      ),
    ),
    ...section(
      'Summary',
      para(
        'Ratios are measured ÷ baseline. The targets are those of the issue; where the issue sets one at 1M events,',
        'a pass at a smaller size does not show it met.',
      ),
      summaryTable(summaryRows(r)),
    ),
    ...[commandsSection, soakSection, appendsSection, rebuildSection, queriesSection, peerSection].flatMap(
      (part) => part(r),
    ),
    '',
    HOW_TO_RUN,
    '',
    WHAT_IT_MEANS,
    '',
  ].join('\n');
}
