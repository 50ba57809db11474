import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams, type NetworkEvent } from '@app/contracts';
import {
  discussionDecider,
  doetankDecider,
  gatheringDecider,
  memberDecider,
  networkYearDecider,
  type Decider,
  type StreamClock,
} from '@app/domain';
import { CLOCK, type Clock } from './clock';
import type { CommandMeta, CommandResult } from './command-meta';
import { CommandRunner } from './command-runner';
import { toCommandMeta, type RequestMeta } from './request-meta';
import { StreamFacts } from './stream-facts';

/** The stream a command is decided on: its aggregate's decider, the stream and the aggregate's id. */
export interface CommandTarget<Command, State> {
  decider: Decider<Command, NetworkEvent, State>;
  streamId: string;
  aggregateId: string;
}

/** How a command is made from the request, with the target stream's state (see {@link BuildWith}). */
export type Build<Command, State> = (using: BuildWith<State>) => Command | Promise<Command>;

/** One decision on one stream: the target and how its command is built, as a command route sends it. */
export interface Decision<Command, State> extends CommandTarget<Command, State> {
  build: Build<Command, State>;
}

const target =
  <Id extends string | number, Command, State>(
    decider: Decider<Command, NetworkEvent, State>,
    streamOf: (id: Id) => string,
  ) =>
  // Not generic once made, so that `build`'s `type: 'StopDoetank'` is checked as the literal it is.
  (id: Id, build: Build<Command, State>): Decision<Command, State> => ({
    decider,
    streamId: streamOf(id),
    aggregateId: String(id),
    build,
  });

/**
 * The decision to send on an aggregate, by its id, with how its command is built:
 * `onDoetank(doetankId, async ({ facts }) => ({ type: 'JoinDoetank', data, context }))`.
 */
export const onDoetank = target(doetankDecider, streams.doetank);
export const onGathering = target(gatheringDecider, streams.gathering);
export const onMember = target(memberDecider, streams.member);
export const onDiscussion = target(discussionDecider, streams.discussion);
export const onNetworkYear = target(networkYearDecider, streams.networkYear);

/** What a command's `build` may use besides the request: the facts of other streams and the command's metadata. */
export interface BuildWith<State> {
  facts: StreamFacts;
  meta: CommandMeta;
  /** The target stream's state, as the decider will see it (rarely needed: the decider checks the rules). */
  state: State;
  /** When each event of the target stream happened, as corrected (for a correction of business time). */
  clock: StreamClock;
}

/**
 * One decision on one stream, as it travels on @nestjs/cqrs's CommandBus: the target stream, the command's metadata
 * and how the domain command is built (called again on every retry, with the state the decider will see). Every
 * single-stream command is sent as this; commands that span streams have a command class and a handler of their
 * own in their folder.
 */
export class DecideOnStream<DomainCommand, State> extends Command<CommandResult> {
  constructor(
    readonly on: CommandTarget<DomainCommand, State>,
    readonly meta: CommandMeta,
    readonly build: (state: State, clock: StreamClock) => DomainCommand | Promise<DomainCommand>,
  ) {
    super();
  }
}

/** The handler of every single-stream command: load, decide, append (CommandRunner: retries and idempotency). */
@CommandHandler(DecideOnStream)
export class DecideOnStreamHandler implements ICommandHandler<DecideOnStream<unknown, unknown>> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ on, meta, build }: DecideOnStream<unknown, unknown>): Promise<CommandResult> {
    return this.runner.run({ ...on, meta, build });
  }
}

/**
 * The write path as a command route sees it (`routes/command-controller.ts`): the request's metadata completed
 * with the body's business time, then what the route sends on the CommandBus: one decision on one stream, or a
 * command of its own with its handler for those that span streams.
 */
@Injectable()
export class CommandEndpoint {
  constructor(
    private readonly facts: StreamFacts,
    private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The command's metadata: who (from the verified token), when (the body's `occurredAt`, or now), and why. */
  meta(request: RequestMeta, body: { occurredAt?: string }): CommandMeta {
    return toCommandMeta(request, body.occurredAt, this.clock.now());
  }

  /**
   * Puts what a command route sends on the CommandBus, with its metadata: a decision on one stream (as
   * `DecideOnStream`), or a command that has a handler of its own.
   */
  dispatch(
    meta: CommandMeta,
    sent: Decision<unknown, unknown> | Command<CommandResult>,
  ): Promise<CommandResult> {
    if (sent instanceof Command) return this.bus.execute(sent);
    const { build, ...on } = sent;
    const facts = this.facts;
    return this.bus.execute(
      new DecideOnStream(on, meta, (state, clock: StreamClock) => build({ facts, meta, state, clock })),
    );
  }
}
