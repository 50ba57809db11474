import { CommandHandler, type Event } from '@event-driven-io/emmett';
import { getSQLiteEventStore, type SQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  Module,
  Post,
  type DynamicModule,
} from '@nestjs/common';
import { PEER_PREFIX } from '../endpoints';
import { Allow, MemberActsAs } from '../../../apps/api/src/auth/access.decorators';
import { CLOCK, type Clock } from '../../../apps/api/src/commands/clock';
import { newIdFor } from '../../../apps/api/src/commands/deterministic-id';
import { Meta, toCommandMeta, type RequestMeta } from '../../../apps/api/src/commands/request-meta';
import { ProposeDoetankRequestDto } from '../../../apps/api/src/doetanks/commands/propose-doetank/propose-doetank.request.dto';
import { JoinNetworkRequestDto } from '../../../apps/api/src/members/commands/join-network/join-network.request.dto';
import { retryBusy } from './emmett-retry';

const EMMETT_STORE = Symbol('EMMETT_STORE');

type MemberJoined = Event<'MemberJoined', Record<string, unknown>>;
type DoetankProposed = Event<'DoetankProposed', Record<string, unknown>>;

/** The states the peer decides on: whether the stream exists (and the member's status). */
interface MemberState {
  status: 'none' | 'active';
}
interface DoetankState {
  status: 'none' | 'proposed';
}

// Emmett's command handling, as its documentation shows it: a state folded from the stream by `evolve`, a
// function that decides the new events on it, and the event store's optimistic concurrency on the append.
const handleMember = CommandHandler<MemberState, MemberJoined>({
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => (event.type === 'MemberJoined' ? { status: 'active' } : _state),
  mapToStreamId: (id) => `member-${id}`,
});
const handleDoetank = CommandHandler<DoetankState, DoetankProposed>({
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => (event.type === 'DoetankProposed' ? { status: 'proposed' } : _state),
  mapToStreamId: (id) => `doetank-${id}`,
});

/**
 * Emmett 0.38.5's `getSQLiteEventStore` on a file keeps one connection in a variable shared by every call, opens it
 * when a call finds none and closes it when that call ends (src/eventStore/SQLiteEventStore.ts, `withConnection`):
 * two calls at once share the connection, its transaction counter, and one closes it under the other. So the
 * peer runs one store call at a time, in arrival order, as an application on it would have to; SQLITE_BUSY from
 * the un-awaited WAL pragma of each new connection is tried again (see {@link retryBusy}).
 */
class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();
  readonly busy = retryBusy();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.busy.run(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * The peer over HTTP: the two commands of the comparison (a member joins, a member proposes a Doetank) decided by
 * Emmett's `CommandHandler` and stored in Emmett's SQLite event store, mounted in the real app like the framework
 * floor, so they pass the same guards, validation pipe (the same DTOs), interceptor and filter. Its rules are each
 * command's own stream's (the member or Doetank is new) plus, for a proposal, that the proposer has joined (read
 * from their stream); ours also keep e-mail addresses unique and check the actor, so the peer does less.
 */
@Controller(PEER_PREFIX.slice(1))
export class EmmettPeerController {
  private readonly serial = new OneAtATime();

  constructor(
    @Inject(EMMETT_STORE) private readonly store: SQLiteEventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('members')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId', { required: true })
  @HttpCode(HttpStatus.CREATED)
  async joinNetwork(@Body() body: JoinNetworkRequestDto, @Meta() request: RequestMeta) {
    const memberId = newIdFor(body.memberId, request.idempotencyKey, 'member');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    const result = await this.serial.run(() =>
      handleMember(this.store, memberId, (state) => {
        if (state.status !== 'none') throw new ConflictException(`Member ${memberId} has already joined`);
        return {
          type: 'MemberJoined',
          data: { ...body, memberId, joinedAt: meta.occurredAt },
        };
      }),
    );
    return accepted(`member-${memberId}`, memberId, result);
  }

  @Post('doetanks')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'proposedBy')
  @HttpCode(HttpStatus.CREATED)
  async proposeDoetank(@Body() body: ProposeDoetankRequestDto, @Meta() request: RequestMeta) {
    const doetankId = newIdFor(body.doetankId, request.idempotencyKey, 'doetank');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    const result = await this.serial.run(async () => {
      const proposer = await this.store.aggregateStream<MemberState, MemberJoined>(
        `member-${body.proposedBy}`,
        { initialState: () => ({ status: 'none' }), evolve: (): MemberState => ({ status: 'active' }) },
      );
      if (proposer.state.status !== 'active') {
        throw new ConflictException(`Member ${body.proposedBy} is not an active member`);
      }
      return handleDoetank(this.store, doetankId, (state) => {
        if (state.status !== 'none') throw new ConflictException(`Doetank ${doetankId} already exists`);
        return {
          type: 'DoetankProposed',
          data: { ...body, doetankId, proposedAt: meta.occurredAt },
        };
      });
    });
    return accepted(`doetank-${doetankId}`, doetankId, result);
  }

  /** SQLITE_BUSY answers tried again so far. */
  get busyRetries(): number {
    return this.serial.busy.count;
  }
}

const accepted = (
  streamId: string,
  aggregateId: string,
  result: { nextExpectedStreamVersion: bigint; lastEventGlobalPosition: bigint },
) => ({
  streamId,
  aggregateId,
  revision: Number(result.nextExpectedStreamVersion) - 1,
  position: Number(result.lastEventGlobalPosition),
});

@Module({})
export class EmmettPeerModule {
  /** The peer on Emmett's SQLite event store in `fileName` (its schema made on first use). */
  static forFile(fileName: string): DynamicModule {
    return {
      module: EmmettPeerModule,
      controllers: [EmmettPeerController],
      providers: [
        {
          provide: EMMETT_STORE,
          useFactory: () => getSQLiteEventStore({ fileName, schema: { autoMigration: 'CreateOrUpdate' } }),
        },
      ],
    };
  }
}
