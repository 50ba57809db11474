import { Inject, Injectable } from '@nestjs/common';
import { streams, type NetworkEvent } from '@app/contracts';
import {
  discussionDecider,
  doetankDecider,
  gatheringDecider,
  memberDecider,
  networkYearDecider,
  type Decider,
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

const target =
  <Command, State>(decider: Decider<Command, NetworkEvent, State>, streamOf: (id: string) => string) =>
  (id: string): CommandTarget<Command, State> => ({ decider, streamId: streamOf(id), aggregateId: id });

/** The aggregates commands are sent to, by id: `onDoetank(doetankId)`. */
export const onDoetank = target(doetankDecider, streams.doetank);
export const onGathering = target(gatheringDecider, streams.gathering);
export const onMember = target(memberDecider, streams.member);
export const onDiscussion = target(discussionDecider, streams.discussion);
export const onNetworkYear = (year: number) =>
  target(networkYearDecider, () => streams.networkYear(year))(String(year));

/** What a command's `build` may use besides the request: the facts of other streams and the command's metadata. */
export interface BuildWith<State> {
  facts: StreamFacts;
  meta: CommandMeta;
  /** The target stream's state, as the decider will see it (rarely needed: the decider checks the rules). */
  state: State;
}

/**
 * The write path as a command's controller sees it: the request's metadata completed with the body's business
 * time, then one decision on one stream (CommandRunner: load, decide, append, with retries and idempotency). Each
 * command's controller says only what is its own: the route and its access (decorators), the stream, and how the
 * request becomes the domain command. Commands that span streams (a Doetank adopting a theme, a member's e-mail
 * claim) have a handler of their own in their folder and use `meta` and the runner directly.
 */
@Injectable()
export class CommandEndpoint {
  constructor(
    readonly runner: CommandRunner,
    readonly facts: StreamFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The command's metadata: who (from the verified token), when (the body's `occurredAt`, or now), and why. */
  meta(request: RequestMeta, body: { occurredAt?: string }): CommandMeta {
    return toCommandMeta(request, body.occurredAt, this.clock.now());
  }

  /** Decides the command `build` makes on `target`'s stream and appends its events. */
  send<Command, State>(
    request: RequestMeta,
    body: { occurredAt?: string },
    on: CommandTarget<Command, State>,
    build: (using: BuildWith<State>) => NoInfer<Command> | Promise<NoInfer<Command>>,
  ): Promise<CommandResult> {
    const meta = this.meta(request, body);
    const facts = this.facts;
    return this.runner.run({ ...on, meta, build: (state) => build({ facts, meta, state }) });
  }
}
