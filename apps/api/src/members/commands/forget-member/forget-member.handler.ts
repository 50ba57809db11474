import { Inject, Injectable } from '@nestjs/common';
import { streams, type NetworkEvent } from '@app/contracts';
import { emailClaimDecider, isDomainError, memberDecider } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { CommandRunner, toDomainEvent } from '../../../commands/command-runner';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';
import { EMAIL_HASH_KEY } from '../../../infrastructure/persistence.module';
import { emailHashOf } from '../../email-hash';
import { PersonalDataErasure } from '../../erasure/personal-data-erasure';
import type { ForgetMemberRequestDto } from './forget-member.request.dto';

/**
 * Forgetting a member, in this order, each step safe to repeat:
 *
 * 1. `MemberForgotten` in the member's stream (the history stays: who did what, without who they were);
 * 2. the member's e-mail claim released (`EmailReleased`), so the address points at nobody any more; its keyed
 *    hash in the claim stream's name means nothing without the person;
 * 3. the member's key destroyed (crypto-shredding): the sealed name and address in `MemberJoined` read as
 *    "forgotten" everywhere from now on, and the embedded database files are scrubbed.
 *
 * If step 2 or 3 fails, the command fails loudly (5xx) with MemberForgotten already written; sending ForgetMember
 * again finishes the erasure (a member who is forgotten but whose key still exists is an unfinished erasure).
 */
@Injectable()
export class ForgetMemberHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly erasure: PersonalDataErasure,
    @Inject(EMAIL_HASH_KEY) private readonly emailHashKey: string,
  ) {}

  async execute(memberId: string, input: ForgetMemberRequestDto, meta: CommandMeta): Promise<CommandResult> {
    const streamId = streams.member(memberId);
    const before = await this.runner.load(memberDecider, streamId);
    // Read while the key still exists: the claim to release is named after the address.
    const email = emailOf(before.events);

    let result: CommandResult;
    if (before.state.status === 'forgotten' && !(await this.erasure.isErased(memberId))) {
      result = finishing(streamId, memberId, before.events);
    } else {
      result = await this.runner.run({
        decider: memberDecider,
        streamId,
        aggregateId: memberId,
        meta,
        build: () => ({ type: 'ForgetMember' as const, data: { memberId, reason: input.reason } }),
      });
    }

    const forgottenEventId = result.events[0]?.id ?? before.events[before.events.length - 1]?.id;
    if (email !== undefined) await this.releaseClaim(email, memberId, meta, forgottenEventId);
    await this.erasure.erase(memberId, result.position);
    return result;
  }

  private async releaseClaim(email: string, memberId: string, meta: CommandMeta, causationId?: string) {
    const emailHash = emailHashOf(this.emailHashKey, email);
    try {
      await this.runner.run({
        decider: emailClaimDecider,
        streamId: streams.memberEmail(emailHash),
        aggregateId: emailHash,
        meta,
        causationId,
        build: () => ({ type: 'ReleaseEmail' as const, data: { emailHash, memberId } }),
      });
    } catch (error) {
      // Someone else holds the address already (a forgotten member's claim may be taken over): nothing to release.
      if (!isDomainError(error, 'MEMBER.EMAIL_NOT_HELD')) throw error;
    }
  }
}

/** The member's e-mail address from their (opened) MemberJoined; undefined when it is forgotten or absent. */
function emailOf(events: readonly RecordedEvent[]): string | undefined {
  for (const recorded of events) {
    const event: NetworkEvent = toDomainEvent(recorded);
    if (event.type === 'MemberJoined') return event.data.personal.email ?? undefined;
  }
  return undefined;
}

/** The answer when an earlier ForgetMember wrote its event but did not finish the erasure: nothing new written. */
function finishing(streamId: string, memberId: string, events: readonly RecordedEvent[]): CommandResult {
  const last = events[events.length - 1];
  return { streamId, aggregateId: memberId, revision: last.revision, position: last.position, events: [] };
}
