import { Inject, Injectable } from '@nestjs/common';
import { streams } from '@app/contracts';
import { emailClaimDecider, emailHolder, memberDecider, type JoinNetwork } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';
import { eventIdFor } from '../../../commands/deterministic-id';
import { StreamFacts } from '../../../commands/stream-facts';
import { EMAIL_HASH_KEY } from '../../../infrastructure/persistence.module';
import { emailHashOf } from '../../email-hash';
import type { JoinNetworkRequestDto } from './join-network.request.dto';

/**
 * Joining touches two streams: the e-mail claim (one membership per address) and the member. The member
 * command is decided first without writing, so a refusal leaves no claim behind; then the claim is written,
 * then the member. A crash between the two leaves a claim whose member does not exist, which the next claim of
 * that address takes over (see the email claim decider).
 */
@Injectable()
export class JoinNetworkHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
    @Inject(EMAIL_HASH_KEY) private readonly emailHashKey: string,
  ) {}

  async execute(memberId: string, input: JoinNetworkRequestDto, meta: CommandMeta): Promise<CommandResult> {
    const join: JoinNetwork = {
      type: 'JoinNetwork',
      data: {
        memberId,
        personal: { name: input.name, email: input.email },
        organisation: input.organisation,
        sector: input.sector,
        role: input.role,
      },
    };
    const member = await this.runner.decisionState(memberDecider, streams.member(memberId));
    // The same request again (its idempotency key's event is in the stream: the process may have died before it
    // answered): the runner answers it from the stream, as the first time, rather than "already a member".
    const replay =
      meta.idempotencyKey !== undefined &&
      member.eventIds.has(eventIdFor(meta.idempotencyKey, streams.member(memberId), 0));
    if (replay) {
      return this.runner.run({
        decider: memberDecider,
        streamId: streams.member(memberId),
        aggregateId: memberId,
        meta,
        build: () => join,
      });
    }
    memberDecider.decide(join, member.state);

    const emailHash = emailHashOf(this.emailHashKey, input.email);
    const claim = await this.runner.run({
      decider: emailClaimDecider,
      streamId: streams.memberEmail(emailHash),
      aggregateId: emailHash,
      meta,
      build: async (state) => {
        const holder = emailHolder(state);
        return {
          type: 'ClaimEmail' as const,
          data: { emailHash, memberId },
          context: { holder: holder && holder !== memberId ? await this.facts.member(holder) : undefined },
        };
      },
    });

    try {
      return await this.runner.run({
        decider: memberDecider,
        streamId: streams.member(memberId),
        aggregateId: memberId,
        meta,
        causationId: claim.events[0]?.id,
        build: () => join,
      });
    } catch (error) {
      // Refused after all (the member id was taken meanwhile): give the address back rather than leave it
      // claimed for a member who never joined.
      if (claim.events.length > 0) await this.releaseClaim(emailHash, memberId, meta, claim.events[0].id);
      throw error;
    }
  }

  private async releaseClaim(emailHash: string, memberId: string, meta: CommandMeta, causationId: string) {
    await this.runner
      .run({
        decider: emailClaimDecider,
        streamId: streams.memberEmail(emailHash),
        aggregateId: emailHash,
        meta: { ...meta, idempotencyKey: undefined },
        causationId,
        build: () => ({ type: 'ReleaseEmail' as const, data: { emailHash, memberId } }),
      })
      .catch(() => undefined);
  }
}
