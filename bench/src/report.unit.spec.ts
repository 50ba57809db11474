import type { SoakResult } from './results';
import { soakFigures } from './report';

const MB = 1024 ** 2;

/** A soak of `minutes`, sampled every 10 s, the api thread's and the projector thread's heap given per sample. */
function soak(
  minutes: number,
  heaps: (seconds: number) => { api: number; projector: number },
  collected?: boolean,
): SoakResult {
  const samples: SoakResult['samples'] = [];
  for (let seconds = 0; seconds <= minutes * 60; seconds += 10) {
    const { api, projector } = heaps(seconds);
    samples.push({
      seconds,
      rssBytes: 300 * MB,
      heapUsedBytes: (api + projector) * MB,
      projectorHeapUsedBytes: projector * MB,
      ...(collected !== undefined && { collected }),
      heapTotalBytes: 200 * MB,
      externalBytes: 3 * MB,
    });
  }
  const load = {
    seconds: minutes * 60,
    requests: 0,
    accepted: 0,
    acceptedPerSecond: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: {},
    latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 },
  };
  return { minutes, connections: 32, load, samples };
}

describe('soakFigures (the memory verdict of the soak)', () => {
  describe("samples taken after full collections of the api thread (its live data, the projector thread's floor)", () => {
    it("takes a minute's median of the api thread: one sample with requests in flight does not move it", () => {
      // Live data steady at 80 MB; one sample in the last minute caught 40 MB of in-flight work.
      const figures = soakFigures(soak(10, (s) => ({ api: s === 590 ? 100 : 60, projector: 20 }), true));
      expect(figures.collected).toBe(true);
      expect(figures.startLiveHeap).toBe(80 * MB);
      expect(figures.endLiveHeap).toBe(80 * MB);
      expect(figures.flat).toBe(true);
    });

    it('calls live data that keeps growing not flat, and growth within 10 MB flat', () => {
      const growing = soakFigures(soak(10, (s) => ({ api: 60 + (2 * s) / 60, projector: 20 }), true));
      expect(growing.endLiveHeap - growing.startLiveHeap).toBe(16 * MB);
      expect(growing.flat).toBe(false);
      const bounded = soakFigures(soak(10, (s) => ({ api: 60 + Math.min(9, s / 60), projector: 20 }), true));
      expect(bounded.flat).toBe(true);
    });
  });

  it("without collections, adds each thread's floor: threads collecting at different times do not read as growth", () => {
    // The api thread is at its floor (60 MB) when the projector thread is high, and the other way round.
    const figures = soakFigures(
      soak(10, (s) => (s % 20 === 0 ? { api: 60, projector: 90 } : { api: 140, projector: 25 })),
    );
    expect(figures.startLiveHeap).toBe(85 * MB);
    expect(figures.endLiveHeap).toBe(85 * MB);
    expect(figures.flat).toBe(true);
  });

  it('calls live data that keeps growing not flat', () => {
    // 5 MB more live data every minute in the api thread: floors of 65 MB (minute 1-2) and 105 MB (minute 9-10).
    const figures = soakFigures(soak(10, (s) => ({ api: 60 + (5 * s) / 60, projector: 25 })));
    expect(figures.startLiveHeap).toBe(90 * MB);
    expect(figures.endLiveHeap).toBe(130 * MB);
    expect(figures.flat).toBe(false);
  });

  it('reads samples without the projector thread (one thread) as the api heap alone', () => {
    const samples = soak(10, () => ({ api: 70, projector: 0 })).samples.map(
      ({ projectorHeapUsedBytes: _unused, ...rest }) => rest,
    );
    const figures = soakFigures({ ...soak(10, () => ({ api: 0, projector: 0 })), samples });
    expect(figures.startLiveHeap).toBe(70 * MB);
    expect(figures.flat).toBe(true);
  });
});
