import { int, mb } from './format';
import { mdTable, para, section } from './report-markdown';
import type { BenchResults, SoakResult } from './results';

/**
 * Memory under the soak. A leak or an unbounded cache shows as live data that keeps growing: the V8 heap in use
 * in the last minute against the first minute after warm-up; flat when within 10% (or 10 MB). The api thread's heap
 * read after a forced full collection (`collected`) is live data: a minute's figure is its median (requests in
 * flight come and go). The projector thread's share (as it reports it in the api's /metrics; nothing outside it can
 * make it collect), and the api thread's without collections, count as their floor in the minute: the two threads
 * collect at their own times. RSS is reported beside it, with
 * its least-squares slope: it also swings with how much heap V8 keeps reserved between collections, which is not
 * data.
 */
export function soakFigures(soak: SoakResult) {
  const settled = soak.samples.filter((x) => x.seconds >= 60);
  const used = settled.length >= 4 ? settled : soak.samples;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const lastSeconds = used[used.length - 1]?.seconds ?? 0;
  const firstMinute = used.filter((x) => x.seconds <= used[0].seconds + 60);
  const lastMinute = used.filter((x) => x.seconds >= lastSeconds - 60);
  const startRss = median(firstMinute.map((x) => x.rssBytes));
  const endRss = median(lastMinute.map((x) => x.rssBytes));
  const collected = used.every((x) => x.collected);
  const liveHeap = (samples: SoakResult['samples']) => {
    const projector = (x: SoakResult['samples'][number]) => x.projectorHeapUsedBytes ?? 0;
    const api = samples.map((x) => x.heapUsedBytes - projector(x));
    return (collected ? median(api) : Math.min(...api)) + Math.min(...samples.map(projector));
  };
  const startLiveHeap = liveHeap(firstMinute);
  const endLiveHeap = liveHeap(lastMinute);
  const n = used.length;
  const meanT = used.reduce((a, x) => a + x.seconds, 0) / n;
  const meanR = used.reduce((a, x) => a + x.rssBytes, 0) / n;
  const cov = used.reduce((a, x) => a + (x.seconds - meanT) * (x.rssBytes - meanR), 0);
  const varT = used.reduce((a, x) => a + (x.seconds - meanT) ** 2, 0);
  const slopeMbPerMinute = varT > 0 ? ((cov / varT) * 60) / 1024 ** 2 : 0;
  const flat = endLiveHeap - startLiveHeap <= Math.max(0.1 * startLiveHeap, 10 * 1024 ** 2);
  const rssRange = [Math.min(...used.map((x) => x.rssBytes)), Math.max(...used.map((x) => x.rssBytes))];
  return {
    minutes: soak.minutes,
    startRss,
    endRss,
    rssRange,
    collected,
    startLiveHeap,
    endLiveHeap,
    slopeMbPerMinute,
    flat,
  };
}

/** The soak: memory sampled under the command load held for minutes. */
export function soakSection(r: BenchResults): string[] {
  if (!r.soak) return [];
  const k = r.soak;
  const figures = soakFigures(k);
  const every = Math.max(1, Math.ceil(k.samples.length / 20));
  return section(
    'Memory under a long load',
    para(
      `The command load (${k.connections} connections; the mix and pools of the command part) held for`,
      `${k.minutes} minutes against the same api process, its resident set size (RSS) and V8 heap sampled every`,
      `10 s (the heap in use is both threads': the api's and the embedded projector's; the heap total is the api`,
      `thread's). ${int(k.load.accepted)} commands accepted (${int(k.load.acceptedPerSecond)}/s), ${int(k.load.non2xx)} non-2xx answers.`,
      figures.collected
        ? "Each sample first forces a full collection of the api thread (the api runs with --expose-gc), so its heap in use is live data; RSS and the heap total are read before it, as the load left them. Live data (the api thread's median of a minute, plus the projector thread's floor in it, as it reports its heap in /metrics):"
        : "Live data, as the floor of the V8 heap in use (each thread's lowest sample in a minute, added):",
      `${mb(figures.startLiveHeap)} in the first minute after warm-up, ${mb(figures.endLiveHeap)} in`,
      `the last: ${figures.flat ? 'flat' : 'growing'} (flat: within 10% or 10 MB). RSS went between`,
      `${mb(figures.rssRange[0])} and ${mb(figures.rssRange[1])} (median ${mb(figures.startRss)} in the first`,
      `minute, ${mb(figures.endRss)} in the last; slope ${figures.slopeMbPerMinute.toFixed(1)} MB/min): it swings`,
      'with the heap V8 keeps reserved between collections (V8 heap total below), which is not data. The state',
      "cache column: events held by the command side's cache of folded streams, bounded (COMMAND_STATE_CACHE_STREAMS",
      'x 40); the load keeps adding to the same pooled streams, whose folded states grow with them until the bound.',
    ),
    mdTable(
      [
        'minute',
        'RSS',
        figures.collected ? 'heap used (api thread after a full collection)' : 'V8 heap used',
        'of it, the projector thread',
        'V8 heap total (api thread)',
        'external (buffers)',
        'state cache (events)',
      ],
      k.samples
        .filter((_, i) => i % every === 0 || i === k.samples.length - 1)
        .map((x) => [
          (x.seconds / 60).toFixed(1),
          mb(x.rssBytes),
          mb(x.heapUsedBytes),
          x.projectorHeapUsedBytes === undefined ? '-' : mb(x.projectorHeapUsedBytes),
          mb(x.heapTotalBytes ?? 0),
          mb(x.externalBytes ?? 0),
          x.stateCacheEvents === undefined ? '-' : int(x.stateCacheEvents),
        ]),
    ),
  );
}
