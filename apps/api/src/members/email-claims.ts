import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { streams } from '@app/contracts';
import { emailClaimDecider, emailHolder, type EmailClaimCommand, type EmailClaimState } from '@app/domain';
import { CLOCK, type Clock } from '../commands/clock';
import { CommandRunner, ConcurrencyConflictError } from '../commands/command-runner';
import type { CommandMeta, CommandResult } from '../commands/command-meta';
import { StreamFacts } from '../commands/stream-facts';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { EMAIL_HASH_KEY } from '../infrastructure/persistence.module';
import { emailHashOf } from './email-hash';

/** A claim this request wrote (or found its member holding already). */
export interface EmailClaim {
  emailHash: string;
  /** Whether this request wrote it (rather than finding it held by the same member). */
  written: boolean;
}

/**
 * The e-mail claim streams (`member_email-<keyed hash>`: one membership per address). Whoever holds the hash key
 * (in the embedded mode it is in the same database) can find the stream of a guessed address, so nothing in it
 * may lead to its member once the member is forgotten:
 *
 * - the holder is sealed under the claim's own key (`claimId`, see PERSONAL_DATA_FIELDS), which the erasure
 *   destroys, so afterwards the claim names nobody and the address is free;
 * - its events carry no trace of the request that joined: a random event id (not one derived from the
 *   Idempotency-Key, which an idempotency record or the member's events would share), actor `system`, and a
 *   correlation and causation of their own; the member's events do not name the claim as their cause.
 *
 * What stays is the order of the log: the claim was written just before some member joined. See docs/security.md.
 *
 * Between api instances (no shared in-process queue) the claim stream's expected revision decides: of two claims
 * decided on the same state one append fails and is decided again on the other's claim. Every event store adapter
 * guarantees that ("lets exactly one of many concurrent appends at the same revision win" in the event store
 * contract, run against EventStoreDB where EVENTSTOREDB_URL is set).
 */
@Injectable()
export class EmailClaims {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
    @Inject(EMAIL_HASH_KEY) private readonly emailHashKey: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Claims the address for the member (409 MEMBER.EMAIL_IN_USE when someone else holds it, or is joining with it
   * right now: a claim without its member is a lease of EMAIL_CLAIM_LEASE_SECONDS).
   */
  async claim(email: string, memberId: string): Promise<EmailClaim> {
    const emailHash = emailHashOf(this.emailHashKey, email);
    const now = this.clock.now();
    const claimedAt = now.toISOString();
    const leaseCutoff = new Date(now.getTime() - this.config.emailClaimLeaseMs).toISOString();
    const result = await this.run(emailHash, async (state) => {
      const holder = emailHolder(state);
      return {
        type: 'ClaimEmail' as const,
        data: { emailHash, memberId, claimId: randomUUID(), claimedAt },
        context: {
          holder: holder && holder !== memberId ? await this.facts.member(holder) : undefined,
          leaseCutoff,
        },
      };
    });
    return { emailHash, written: result.events.length > 0 };
  }

  /**
   * Before the member is written on the strength of a claim this request wrote: the claim must still be well
   * within its lease, or another join may take the address over meanwhile (a process that stalled that long
   * gives up, 409, and the client tries again).
   */
  assertLeaseHolds(claim: EmailClaim, claimedSince: Date, memberId: string): void {
    if (!claim.written) return;
    if (this.clock.now().getTime() - claimedSince.getTime() >= this.config.emailClaimLeaseMs / 2) {
      // Named after the member's stream: the claim stream's name (a keyed hash of the address) is not for clients.
      throw new ConcurrencyConflictError(streams.member(memberId), 1);
    }
  }

  /** Gives the address back (a join refused after the claim); a free address or another holder: nothing. */
  async release(emailHash: string, memberId: string): Promise<void> {
    await this.run(emailHash, () => ({ type: 'ReleaseEmail' as const, data: { emailHash, memberId } })).catch(
      () => undefined,
    );
  }

  /**
   * The ids of the member's claims of the address (the keys their holder is sealed with), for the erasure to
   * destroy. Claims from before claim keys existed have none: they are sealed with the member's own key.
   */
  async claimKeysOf(email: string, memberId: string): Promise<string[]> {
    const { events } = await this.runner.load(
      emailClaimDecider,
      streams.memberEmail(emailHashOf(this.emailHashKey, email)),
    );
    const ids = new Set<string>();
    for (const { data } of events) {
      const claim = data as { memberId?: unknown; claimId?: unknown };
      if (claim.memberId === memberId && typeof claim.claimId === 'string') ids.add(claim.claimId);
    }
    return [...ids];
  }

  private run(
    emailHash: string,
    build: (state: EmailClaimState) => EmailClaimCommand | Promise<EmailClaimCommand>,
  ): Promise<CommandResult> {
    const now = this.clock.now().toISOString();
    return this.runner.run({
      decider: emailClaimDecider,
      streamId: streams.memberEmail(emailHash),
      aggregateId: emailHash,
      meta: neutralMeta(now),
      build,
    });
  }
}

/** Metadata that shares nothing with the request: no actor, correlation or Idempotency-Key of the member's. */
const neutralMeta = (now: string): CommandMeta => ({
  actorId: 'system',
  actsAsCoordinator: false,
  occurredAt: now,
  correlationId: randomUUID(),
  causationId: randomUUID(),
});
