import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { PERSONAL_DATA_VAULT, scrubSqliteFiles, type PersonalDataVault } from '@app/privacy';
import { ProjectorService } from '@app/projection-runtime';
import { SQLITE_READ_DATABASE, STORES_CONFIG, type StoresConfig } from '@app/stores';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { CLOCK, type Clock } from '../../commands/clock';
import { CommandRunner } from '../../commands/command-runner';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../../idempotency/idempotency.port';

/**
 * Erasing a member's personal data (crypto-shredding), after their MemberForgotten event is written:
 *
 * 0. the idempotency records of requests that concern them are deleted (their fingerprints hash the request
 *    bodies, a JoinNetwork's name and address among them, and could confirm a guess), and the keys of their
 *    e-mail claims are destroyed (the claim stream, which a guessed address leads to, then names nobody);
 * 1. the member's key is destroyed in the key store: every sealed copy of their name and e-mail address in the
 *    event log is unreadable from then on, for every reader, also a rebuild years later. A failure is thrown:
 *    the command fails loudly and a retry finishes the erasure;
 * 2. with read models in the embedded database, the files are scrubbed once the projections have applied the
 *    MemberForgotten event (which sets the name and address to null), so that no older page still holds them:
 *    before answering when the projector runs in this process (bounded by READ_WAIT_MAX_MS), otherwise in the
 *    background as soon as the projector's checkpoints have passed it.
 */
@Injectable()
export class PersonalDataErasure implements OnApplicationShutdown {
  private readonly logger = new Logger('PersonalDataErasure');
  private closing = false;
  private readonly background = new Set<Promise<void>>();

  constructor(
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(SQLITE_READ_DATABASE) private readonly db: Database | null,
    @Inject(STORES_CONFIG) private readonly stores: StoresConfig,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projector: ProjectorService,
    private readonly runner: CommandRunner,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
  ) {}

  /** Whether the subject's key is destroyed already. */
  async isErased(subjectId: string): Promise<boolean> {
    return (await this.vault.lookup([subjectId])).get(subjectId)?.status === 'destroyed';
  }

  /**
   * Deletes the subject's idempotency records and destroys their claims' keys and their key (throws when any of
   * that fails: a retry does it again), then scrubs the embedded read models once they have applied everything
   * up to `position` (the MemberForgotten event). The member's own key goes last: while it exists, a retried
   * ForgetMember can still find the claims (the address opens).
   */
  async erase(subjectId: string, position: number, claimKeys: readonly string[] = []): Promise<void> {
    await this.idempotency.forgetSubject(subjectId);
    for (const claimKey of claimKeys) await this.vault.destroy(claimKey, this.clock.now());
    await this.vault.destroy(subjectId, this.clock.now());
    // No opened copy of the subject's data stays in the command side's memory either.
    this.runner.forgetCachedStates();
    if (this.stores.readStore !== 'sqlite' || !this.db) return;
    if (this.projector.running) {
      const reached = await this.projector.waitForPosition(position, this.config.readWaitMaxMs);
      if (reached) {
        await this.scrub();
        return;
      }
      this.logger.warn(
        `The read models had not applied position ${position} within ${this.config.readWaitMaxMs} ms; ` +
          'the database files are scrubbed in the background once they have',
      );
    }
    this.track(this.scrubWhenProjected(position));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.background]);
  }

  private async scrub(): Promise<void> {
    const outcome = await scrubSqliteFiles(this.db!, {
      onDeferred: (result) =>
        result === 'done'
          ? this.logger.log('Database files scrubbed after an erasure (deferred until a transaction ended)')
          : this.logger.error(`Scrubbing the database files after an erasure failed: ${result.message}`),
    });
    if (outcome === 'deferred')
      this.logger.log('Scrub of the database files deferred until a transaction ends');
  }

  /** Polls the projections' positions (they may run in another process) and scrubs once all have passed. */
  private async scrubWhenProjected(position: number): Promise<void> {
    while (!this.closing) {
      // The projections' positions only (their checkpoints): no need to ask the event store how far it is.
      const applied = await this.projector.lowestPosition().catch(() => undefined);
      if (applied !== undefined && applied >= position) {
        if (!this.closing && this.db?.open) await this.scrub();
        return;
      }
      await sleep(250, undefined, { ref: false });
    }
  }

  private track(task: Promise<void>): void {
    const tracked = task
      .catch((error: unknown) =>
        this.logger.error(`Scrubbing the database files after an erasure failed: ${String(error)}`),
      )
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }
}
