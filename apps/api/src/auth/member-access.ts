import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { streams } from '@app/contracts';
import { memberDecider, type MemberState } from '@app/domain';
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
 */
@Injectable()
export class MemberAccess {
  private readonly cache?: LRUCache<string, MemberAccessFacts>;

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
    const { state } = await this.runner.decisionState(memberDecider, streams.member(memberId));
    const revokedAt = state.status === 'none' ? undefined : state.tokensRevokedAt;
    const facts: MemberAccessFacts = {
      status: state.status,
      ...(revokedAt !== undefined && { revokedUpTo: Math.floor(Date.parse(revokedAt) / 1000) }),
    };
    this.cache?.set(memberId, facts);
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
