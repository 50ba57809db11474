import { Body, Controller, HttpCode, HttpStatus, Inject, Module, Param, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FLOOR_PREFIX } from '../endpoints';
import { Allow, MemberActsAs } from '../../../apps/api/src/auth/access.decorators';
import { CLOCK, type Clock } from '../../../apps/api/src/commands/clock';
import { newIdFor } from '../../../apps/api/src/commands/deterministic-id';
import { uuidParam } from '../../../apps/api/src/commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../apps/api/src/commands/request-meta';
import { JoinDoetankRequestDto } from '../../../apps/api/src/doetanks/commands/join-doetank/join-doetank.request.dto';
import { ProposeDoetankRequestDto } from '../../../apps/api/src/doetanks/commands/propose-doetank/propose-doetank.request.dto';
import { ShareResultRequestDto } from '../../../apps/api/src/doetanks/commands/share-result/share-result.request.dto';
import { RegisterForGatheringRequestDto } from '../../../apps/api/src/gatherings/commands/register-for-gathering/register-for-gathering.request.dto';
import { JoinNetworkRequestDto } from '../../../apps/api/src/members/commands/join-network/join-network.request.dto';

/**
 * The framework floor: the command routes of the load mix, with the same path parameters, request DTOs, access
 * decorators and status codes as the real ones, mounted in the real app (see `addBenchModules`), so every request
 * passes the same global guards, validation pipe, interceptor and filter. Each does what a real command route does
 * before the command bus (its id, its metadata from the validated headers and business time) and answers with a
 * command's answer, made up: no state is read, nothing is decided, nothing is appended.
 */
@Controller(FLOOR_PREFIX.slice(1))
export class FrameworkFloorController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Post('members')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId', { required: true })
  @HttpCode(HttpStatus.CREATED)
  joinNetwork(@Body() body: JoinNetworkRequestDto, @Meta() request: RequestMeta) {
    return this.accepted(
      newIdFor(body.memberId, request.idempotencyKey, 'member'),
      'MemberJoined',
      request,
      body,
    );
  }

  @Post('doetanks')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'proposedBy')
  @HttpCode(HttpStatus.CREATED)
  proposeDoetank(@Body() body: ProposeDoetankRequestDto, @Meta() request: RequestMeta) {
    const id = newIdFor(body.doetankId, request.idempotencyKey, 'doetank');
    return this.accepted(id, 'DoetankProposed', request, body);
  }

  @Post('doetanks/:doetankId/members')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId')
  @HttpCode(HttpStatus.OK)
  joinDoetank(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: JoinDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.accepted(doetankId, 'MemberJoinedDoetank', request, body);
  }

  @Post('gatherings/:gatheringId/registrations')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId')
  @HttpCode(HttpStatus.OK)
  registerForGathering(
    @Param('gatheringId', uuidParam('gatheringId')) gatheringId: string,
    @Body() body: RegisterForGatheringRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.accepted(gatheringId, 'MemberRegisteredForGathering', request, body);
  }

  @Post('doetanks/:doetankId/results')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'sharedBy')
  @HttpCode(HttpStatus.CREATED)
  shareResult(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: ShareResultRequestDto,
    @Meta() request: RequestMeta,
  ) {
    newIdFor(body.resultId, request.idempotencyKey, 'result');
    return this.accepted(doetankId, 'ResultShared', request, body);
  }

  /** A command's answer (CommandAcceptedResponseDto's shape), after the metadata a real route makes. */
  private accepted(aggregateId: string, type: string, request: RequestMeta, body: { occurredAt?: string }) {
    toCommandMeta(request, body.occurredAt, this.clock.now());
    return {
      streamId: aggregateId,
      aggregateId,
      revision: 0,
      position: 0,
      events: [{ id: randomUUID(), type, revision: 0, position: 0 }],
    };
  }
}

@Module({ controllers: [FrameworkFloorController] })
export class FrameworkFloorModule {}
