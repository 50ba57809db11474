import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { LeaseClaim, LeaseState, ReadStore } from '@app/read-store';
import { backoffDelay } from '@app/resilience';

/** A projection runner's lease: who this runner is, and how long a lease lasts without renewal. */
export interface ProjectionLeaseOptions {
  /** Unique per process (and run): see {@link leaseOwnerId}. */
  owner: string;
  ttlMs: number;
}

/**
 * PROJECTION_LEASE_SECONDS by default: long enough for a batch and a pause of the process (GC, a busy disk),
 * short enough for a quick handover when a projector dies.
 */
export const DEFAULT_PROJECTION_LEASE_SECONDS = 15;

/** An owner id for this process: `host:pid:random`, so a restarted process never passes for its predecessor. */
export const leaseOwnerId = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * A waiting runner asks at least this often: a lease given up on shutdown (a rolling deploy) passes within about a
 * second, not after ttl/3. Cheap: a lease held by another is answered from a read on both stores.
 */
const STANDBY_POLL_MAX_MS = 1000;

interface Logger {
  log(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The lease of one projection, as its runner holds it: taken before the runner reads its checkpoint, carried by
 * every batch it writes (the read store renews it there, or refuses the batch when another owner has it), renewed
 * every `ttl/3` while no batch has done so (a live projection with nothing to apply), and given up on stop.
 *
 * Waiting for it (standby), the runner asks again every `ttl/3` (at most a second apart), or just after the
 * holder's lease runs out by the store's clock (`expiresInMs`), whichever comes first: a projector that died is
 * replaced about `ttl` after its last renewal, one that stopped and released its lease within a second.
 */
export class ProjectionLease {
  /** This runner holds the lease (as far as it knows: the store has the last word at every write). */
  held = false;
  /** Times this runner took the lease (not counting renewals): 1 per start, 1 more per takeover after a loss. */
  acquisitions = 0;
  /** Who held it at the last refusal (standby). */
  holder?: string;
  private timer?: NodeJS.Timeout;
  private lastRenewedAt = 0;
  private renewal?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly readStore: ReadStore,
    readonly name: string,
    private readonly options: ProjectionLeaseOptions,
    private readonly logger: Logger,
    /** Told when a renewal finds the lease taken by another owner. */
    private readonly onLost: () => void,
  ) {}

  get owner(): string {
    return this.options.owner;
  }

  /** What every batch carries. */
  get claim(): LeaseClaim {
    return { name: this.name, owner: this.options.owner, ttlMs: this.options.ttlMs };
  }

  private get interval(): number {
    return Math.max(1, Math.floor(this.options.ttlMs / 3));
  }

  /**
   * Resolves true once this runner holds the lease, false when `stopping()` says so first. Between tries it calls
   * `waiting` (the runner reports standby) and sleeps; a store that fails is asked again after a backoff.
   */
  async acquire(
    waiting: (state: LeaseState | undefined) => Promise<void>,
    stopping: () => boolean,
  ): Promise<boolean> {
    for (let failures = 0; !stopping();) {
      let state: LeaseState | undefined;
      try {
        state = await this.readStore.acquireLease(this.name, this.options.owner, this.options.ttlMs);
        failures = 0;
      } catch (error) {
        failures++;
        this.logger.warn(`${this.name}: could not ask for the lease (try ${failures}): ${String(error)}`, {
          projection: this.name,
        });
      }
      if (state?.held) {
        this.taken();
        // Stopping meanwhile: the runner gives it up again at once (release).
        return !stopping();
      }
      if (stopping()) break;
      this.holder = state?.owner;
      await waiting(state);
      if (stopping()) break;
      // Soon after the holder's lease would run out, by the store's clock; at least every ttl/3 (or second).
      await this.sleep(
        state
          ? Math.min(this.interval, STANDBY_POLL_MAX_MS, state.expiresInMs + 20)
          : backoffDelay(failures, { initialMs: 100, maxMs: this.interval }),
      );
    }
    return false;
  }

  /** A batch carrying the lease was written: the store renewed it. */
  renewed(): void {
    this.lastRenewedAt = performance.now();
  }

  /** The store refused a batch: another owner has the lease. */
  lost(): void {
    if (!this.held) return;
    this.held = false;
    this.stopRenewing();
    this.logger.warn(`${this.name}: lost the lease; standby`, { projection: this.name });
  }

  /** Wakes a standby sleep (the runner is stopping). */
  interrupt(): void {
    this.wake?.();
  }

  /** Stops renewing and gives the lease up, so that another projector takes over at once. */
  async release(): Promise<void> {
    this.stopRenewing();
    await this.renewal;
    if (!this.held) return;
    this.held = false;
    try {
      await this.readStore.releaseLease(this.name, this.options.owner);
    } catch (error) {
      // It then expires within ttl on its own.
      this.logger.warn(`${this.name}: could not release the lease: ${String(error)}`, {
        projection: this.name,
      });
    }
  }

  private taken(): void {
    this.held = true;
    this.holder = undefined;
    this.acquisitions++;
    this.renewed();
    this.logger.log(`${this.name}: took the lease`, {
      projection: this.name,
      leaseOwner: this.options.owner,
    });
    this.stopRenewing();
    this.timer = setInterval(() => {
      // A batch written since the last tick renewed it already.
      if (this.renewal || performance.now() - this.lastRenewedAt < this.interval * 0.9) return;
      this.renewal = this.renew().finally(() => (this.renewal = undefined));
    }, this.interval);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    try {
      const state = await this.readStore.acquireLease(this.name, this.options.owner, this.options.ttlMs);
      if (!this.held) return; // released or lost meanwhile
      if (state.held) {
        this.renewed();
        return;
      }
      this.holder = state.owner;
      this.lost();
      this.onLost();
    } catch (error) {
      // The store is away: try again at the next tick. If it stays away beyond ttl, another projector may take
      // the lease, and this runner's next batch is refused.
      this.logger.warn(`${this.name}: could not renew the lease: ${String(error)}`, {
        projection: this.name,
      });
    }
  }

  private stopRenewing(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
