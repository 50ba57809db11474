import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams, type NetworkEvent } from '@app/contracts';
import { memberDecider } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { MemberAccess } from '../../../auth/member-access';
import { CommandRunner, toDomainEvent } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { EmailClaims } from '../../email-claims';
import { PersonalDataErasure } from '../../erasure/personal-data-erasure';
import { ForgetMemberCommand } from './forget-member.command';

/**
 * Forgetting a member, in this order, each step safe to repeat:
 *
 * 1. `MemberForgotten` in the member's stream (the history stays: who did what, without who they were);
 * 2. the member's personal data erased (PersonalDataErasure): the keys of their e-mail claims destroyed, so the
 *    claim stream a guessed address leads to names nobody and the address is free (nothing is appended to it: an
 *    event there now would sit beside MemberForgotten in the log); the idempotency records of their requests
 *    deleted; then the member's key destroyed (crypto-shredding): the sealed name and address in `MemberJoined`
 *    read as "forgotten" everywhere from now on, and the embedded database files are scrubbed.
 *
 * If step 2 fails, the command fails loudly (5xx) with MemberForgotten already written; sending ForgetMember
 * again finishes the erasure (a member who is forgotten but whose key still exists is an unfinished erasure).
 */
@CommandHandler(ForgetMemberCommand)
export class ForgetMemberHandler implements ICommandHandler<ForgetMemberCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly erasure: PersonalDataErasure,
    private readonly claims: EmailClaims,
    private readonly access: MemberAccess,
  ) {}

  async execute({ id: memberId, input, meta }: ForgetMemberCommand): Promise<CommandResult> {
    const streamId = streams.member(memberId);
    const before = await this.runner.load(memberDecider, streamId);
    // Read while the key still exists: the claim stream is named after the address.
    const email = emailOf(before.events);
    const claimKeys = email === undefined ? [] : await this.claims.claimKeysOf(email, memberId);

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

    // This process refuses the forgotten member's reads at once, not after its cached copy expires.
    this.access.forget(memberId);
    await this.erasure.erase(memberId, result.position, claimKeys);
    return result;
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
