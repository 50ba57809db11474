import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { streams, type NetworkEvent } from '@app/contracts';
import { domainError, memberDecider } from '@app/domain';
import { CommandRunner, toDomainEvent } from '../../commands/command-runner';
import { GetPersonalDataQuery, type PersonalDataResponse } from './get-personal-data.query';

/**
 * A member's personal data straight from their stream (the sealed MemberJoined, opened with their key), not from
 * a read model: what the network holds about them (a subject access request), or that it is forgotten.
 */
@QueryHandler(GetPersonalDataQuery)
export class GetPersonalDataHandler implements IQueryHandler<GetPersonalDataQuery> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ memberId }: GetPersonalDataQuery): Promise<PersonalDataResponse> {
    const { state, events } = await this.runner.load(memberDecider, streams.member(memberId));
    const joined = events.map((e) => toDomainEvent(e)).find(isJoined);
    if (state.status === 'none' || !joined) throw domainError('MEMBER.NOT_FOUND', { id: memberId });
    const { name, email } = joined.data.personal;
    return { memberId, name, email, forgotten: state.status === 'forgotten' || name === null };
  }
}

const isJoined = (event: NetworkEvent): event is Extract<NetworkEvent, { type: 'MemberJoined' }> =>
  event.type === 'MemberJoined';
