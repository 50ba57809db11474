import type { LoadResult } from './commands';
import type { MachineInfo } from './machine';
import type { LatencySummary } from './measure';
import type { Part, SizeName, Synchronous } from './options';
import type { StoreMeta } from './synthetic';
import type { AppendsResult } from './workers/appends.worker';
import type { PeerResult } from './workers/peer.worker';
import type { BaselineResult, RebuildResult } from './workers/rebuild.worker';

/** Everything one run measured; the table and docs/benchmarks.md are made from it. */
export interface BenchResults {
  size: SizeName;
  seed: number;
  synchronous: Synchronous;
  parts: readonly Part[];
  machine: MachineInfo;
  store: StoreMeta & { cached: boolean };
  appends?: AppendsResult;
  peer?: PeerResult;
  rebuild?: { run: RebuildResult; baseline: BaselineResult };
  queries?: QueryResults;
  commands?: CommandResults;
  soak?: SoakResult;
  totalSeconds?: number;
}

export interface QueryResults {
  timelineEntries: number;
  deepPage: number;
  /** Sequential GETs of the bare endpoint over HTTP: the floor under every HTTP figure. */
  bareHttp: LatencySummary;
  cases: { name: string; path: string; server: LatencySummary; http: LatencySummary }[];
}

export interface CommandResults {
  connections: number;
  seconds: number;
  pools: { members: number; doetanks: number; gatherings: number };
  noop: LoadResult;
  /**
   * The framework floor: the same mix against routes mounted in the same app with the same DTOs, guards, pipe,
   * interceptor and filter, that decide and append nothing (baselines/framework-floor.ts). Without an
   * Idempotency-Key, so that the interceptor writes no record either.
   */
  floor?: LoadResult;
  commands: LoadResult;
  /** Ours on the peer's two commands only (join network, propose Doetank), with an Idempotency-Key as the mix. */
  peerKinds?: LoadResult;
  /** The peer: the same two commands through Emmett behind the same HTTP stack, in an api process of its own. */
  peer?: { load: LoadResult; members: number; busyRetries: number };
  /** The api's RSS after start-up and pool creation, before the load. */
  idleRssBytes: number;
  peakRssBytes: number;
}

/** The api's memory, sampled while the command load is held for minutes. */
export interface SoakResult {
  minutes: number;
  connections: number;
  load: LoadResult;
  /** Seconds since the load started, and the api process's memory then. */
  samples: {
    seconds: number;
    rssBytes: number;
    /** Both threads': the api's and the embedded projector thread's; live data when `collected`. */
    heapUsedBytes: number;
    /** The embedded projector thread's share of heapUsedBytes. */
    projectorHeapUsedBytes?: number;
    /** The api thread's heap was read just after a full collection of it (forced): its share is live data. */
    collected?: boolean;
    /** Events held by the command side's state cache (bounded; its states grow with their streams). */
    stateCacheEvents?: number;
    heapTotalBytes: number;
    externalBytes: number;
  }[];
}
