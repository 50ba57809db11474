import type { EventStore } from '@app/event-store';
import { type RecordedSeal, StoreSealer } from '@app/event-store/integrity';
import type { ReadStore } from '@app/read-store';
import { leaseOwnerId } from './projection-lease';

/** The lease of the one sealer among the projector processes (a name beside the projections' own leases). */
export const SEAL_LEASE = 'audit-seal';

/** SEAL_INTERVAL_SECONDS and SEAL_EVERY_EVENTS by default: an hour, or 10,000 events, whichever comes first. */
export const DEFAULT_SEAL_INTERVAL_SECONDS = 3600;
export const DEFAULT_SEAL_EVERY_EVENTS = 10_000;

/** When to seal: after `intervalMs` with new events, or after `everyEvents` new events; 0 turns either off. */
export interface SealSchedule {
  intervalMs: number;
  everyEvents: number;
  /** How often to look (default: every 5 s, or the interval when shorter). */
  checkEveryMs?: number;
  owner?: string;
}

interface Logger {
  log(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Writes the periodic seals (integrity/seal.ts) from the process that runs the projections: the projector app in
 * production, the api itself in the embedded mode. Of several such processes the one holding the `audit-seal`
 * lease seals; the lease lasts three checks, so another takes over soon after the holder dies. Even two sealers
 * at once would be safe (each appends with the seal stream's exact revision), only wasteful.
 */
export class SealScheduler {
  private readonly sealer: StoreSealer;
  private readonly owner: string;
  private readonly checkEveryMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private held = false;
  /** The interval of a store never sealed counts from here, so a start does not seal at once. */
  private readonly startedAt: number;

  constructor(
    eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly schedule: SealSchedule,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sealer = new StoreSealer(eventStore, now);
    this.owner = schedule.owner ?? leaseOwnerId();
    this.startedAt = now().getTime();
    this.checkEveryMs = Math.max(
      10,
      schedule.checkEveryMs ?? (schedule.intervalMs > 0 ? Math.min(schedule.intervalMs, 5000) : 5000),
    );
  }

  get enabled(): boolean {
    return this.schedule.intervalMs > 0 || this.schedule.everyEvents > 0;
  }

  start(): void {
    if (!this.enabled || this.stopped) return;
    const next = () => {
      this.timer = setTimeout(() => {
        this.running = this.tick()
          .catch((error: unknown) => this.logger.warn(`seal: ${String(error)}`))
          .finally(() => {
            if (!this.stopped) next();
          });
      }, this.checkEveryMs);
      this.timer.unref();
    };
    next();
  }

  /** One check: seals when due and this process holds the lease; returns the seal written, if any. */
  async tick(): Promise<RecordedSeal | undefined> {
    const lease = await this.readStore.acquireLease(SEAL_LEASE, this.owner, this.checkEveryMs * 3);
    if (!lease.held) {
      this.held = false;
      return undefined;
    }
    if (!this.held) this.logger.log('seal: took the lease', { leaseOwner: this.owner });
    this.held = true;
    // Counting further than the schedule's threshold tells nothing more.
    await this.sealer.catchUp(Math.max(1, this.schedule.everyEvents));
    if (!this.due()) return undefined;
    const seal = await this.sealer.seal();
    if (seal) {
      this.logger.log(`seal ${seal.revision}: ${seal.streams} streams up to position ${seal.position}`, {
        root: seal.root,
      });
    }
    return seal;
  }

  private due(): boolean {
    const pending = this.sealer.eventsSinceSeal;
    if (pending === 0) return false;
    const { everyEvents, intervalMs } = this.schedule;
    if (everyEvents > 0 && pending >= everyEvents) return true;
    const last = this.sealer.latest ? Date.parse(this.sealer.latest.sealedAt) : this.startedAt;
    return intervalMs > 0 && this.now().getTime() - last >= intervalMs;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    if (!this.held) return;
    this.held = false;
    await this.readStore.releaseLease(SEAL_LEASE, this.owner).catch(() => undefined);
  }
}
