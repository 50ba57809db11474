import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { memberDecider, type JoinNetwork } from '@app/domain';
import { CLOCK, type Clock } from '../../../commands/clock';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { eventIdFor } from '../../../commands/deterministic-id';
import { EmailClaims } from '../../email-claims';
import { JoinNetworkCommand } from './join-network.command';

/**
 * Joining touches two streams: the e-mail claim (one membership per address) and the member. The member
 * command is decided first without writing, so a refusal leaves no claim behind; then the claim is written,
 * then the member. A claim whose member does not exist yet is a lease (EMAIL_CLAIM_LEASE_SECONDS): a second join
 * of the address meanwhile is refused, and after a crash between the two writes the same member's retry goes on
 * at once, another member's once the lease has run out (see the email claim decider).
 */
@CommandHandler(JoinNetworkCommand)
export class JoinNetworkHandler implements ICommandHandler<JoinNetworkCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly claims: EmailClaims,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id: memberId, input, meta }: JoinNetworkCommand): Promise<CommandResult> {
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

    const claimedSince = this.clock.now();
    const claim = await this.claims.claim(input.email, memberId);
    try {
      this.claims.assertLeaseHolds(claim, claimedSince, memberId);
      // Not caused by the claim in its metadata: nothing in the member's events may point at the claim stream.
      return await this.runner.run({
        decider: memberDecider,
        streamId: streams.member(memberId),
        aggregateId: memberId,
        meta,
        build: () => join,
      });
    } catch (error) {
      // Refused after all (the member id was taken meanwhile): give the address back rather than leave it
      // claimed for a member who never joined.
      if (claim.written) await this.claims.release(claim.emailHash, memberId);
      throw error;
    }
  }
}
