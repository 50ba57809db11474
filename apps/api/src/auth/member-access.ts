import { Inject, Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { streams } from '@app/contracts';
import { memberDecider, type MemberState } from '@app/domain';
import { isTransientStoreError } from '@app/resilience';
import { CommandRunner } from '../commands/command-runner';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { SERVICE_SUBJECT, type Principal } from './principal';

/** What authentication needs to know of a token's member: are they still in the network, were tokens revoked. */
export interface MemberAccessFacts {
  status: MemberState['status'];
  /** Tokens issued in or before this second (epoch seconds) are refused. */
  revokedUpTo?: number;
}

/**
 * A token's member as their stream says (the event store, never a read model): their status and the latest
 * revocation of their tokens. Kept for AUTH_MEMBERSHIP_CACHE_SECONDS (5 s by default), so a client's every request
 * does not read the stream again; what this process records itself (a revocation, a leave, a forget) is dropped
 * from the cache at once ({@link forget}), what another api process records counts here within that bound.
 * Commands do not rely on it for the status: the command runner reads it fresh before every decision.
 *
 * While the event store cannot be read (a transient error: down, or past its deadline), authentication goes by the
 * facts last read of the member, or none, for the same time, rather than refusing every signed-in read: queries
 * answer from the read store alone during an event-store outage, and commands, which would apply what was missed,
 * cannot run then anyway. A revocation or leave this process has not read yet applies once the store answers.
 */
@Injectable()
export class MemberAccess {
  private readonly logger = new Logger(MemberAccess.name);
  private readonly cache?: LRUCache<string, MemberAccessFacts>;
  /** What was last read of each member, for an event-store outage (bounded like the cache, not expiring). */
  private readonly lastRead = new LRUCache<string, MemberAccessFacts>({ max: 10_000 });

  constructor(
    private readonly runner: CommandRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const ttl = config.auth.membershipCacheSeconds * 1000;
    if (ttl > 0) this.cache = new LRUCache({ max: 10_000, ttl });
  }

  async of(memberId: string): Promise<MemberAccessFacts> {
    const cached = this.cache?.get(memberId);
    if (cached) return cached;
    let state: MemberState;
    try {
      ({ state } = await this.runner.decisionState(memberDecider, streams.member(memberId)));
    } catch (error) {
      if (!isTransientStoreError(error)) throw error;
      const known = this.lastRead.get(memberId) ?? { status: 'none' };
      this.logger.warn(
        `Member ${memberId}'s stream could not be read (${error instanceof Error ? error.message : String(error)}); ` +
          'going by what was last read of them',
      );
      this.cache?.set(memberId, known);
      return known;
    }
    const revokedAt = state.status === 'none' ? undefined : state.tokensRevokedAt;
    const facts: MemberAccessFacts = {
      status: state.status,
      ...(revokedAt !== undefined && { revokedUpTo: Math.floor(Date.parse(revokedAt) / 1000) }),
    };
    this.cache?.set(memberId, facts);
    this.lastRead.set(memberId, facts);
    return facts;
  }

  /** Drops what is known of a member (after this process recorded a change of their status or tokens). */
  forget(memberId: string): void {
    this.cache?.delete(memberId);
  }

  /**
   * Whether the principal's token was revoked: issued (`iat`) in or before the second of its member's latest
   * revocation. A token issued in that same second after the revocation is refused too (a second's wait mends it);
   * one issued earlier is never accepted again. Service tokens (`system`) name no member and cannot be revoked here.
   */
  async revoked(principal: Principal): Promise<boolean> {
    if (principal.sub === SERVICE_SUBJECT) return false;
    const { revokedUpTo } = await this.of(principal.sub);
    return revokedUpTo !== undefined && (principal.issuedAt ?? 0) <= revokedUpTo;
  }
}
