import { Injectable } from '@nestjs/common';
import { streams, themeYear } from '@app/contracts';
import { doetankDecider, networkYearDecider, type ProposeDoetank } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';
import { eventIdFor } from '../../../commands/deterministic-id';
import { StreamFacts } from '../../../commands/stream-facts';
import { InvalidRequestError } from '../../../problem-details/invalid-request.error';
import type { ProposeDoetankRequestDto } from './propose-doetank.request.dto';

/**
 * Proposing a Doetank with a theme touches two streams: the theme's network year records the adoption (so
 * the theme can never be removed while a Doetank refers to it), then the Doetank is proposed. The Doetank
 * command is decided first without writing, so a refused proposal leaves no adoption behind.
 */
@Injectable()
export class ProposeDoetankHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  async execute(
    doetankId: string,
    input: ProposeDoetankRequestDto,
    meta: CommandMeta,
  ): Promise<CommandResult> {
    const streamId = streams.doetank(doetankId);
    const build = async (): Promise<ProposeDoetank> => ({
      type: 'ProposeDoetank',
      data: {
        doetankId,
        title: input.title,
        problemStatement: input.problemStatement,
        proposedBy: input.proposedBy,
        themeId: input.themeId,
      },
      context: { proposer: await this.facts.member(input.proposedBy) },
    });

    let causationId: string | undefined;
    if (input.themeId !== undefined) {
      await this.decideWithoutWriting(streamId, meta, build);
      const adoption = await this.adoptTheme(input.themeId, doetankId, meta);
      causationId = adoption.events[0]?.id;
    }

    return this.runner.run({
      decider: doetankDecider,
      streamId,
      aggregateId: doetankId,
      meta,
      causationId,
      build,
    });
  }

  private async decideWithoutWriting(
    streamId: string,
    meta: CommandMeta,
    build: () => Promise<ProposeDoetank>,
  ) {
    const doetank = await this.runner.decisionState(doetankDecider, streamId);
    // A repeat of a request that already proposed this Doetank (and crashed before answering) must reach the
    // runner, which answers it from the stream; deciding it again would refuse it as "already exists".
    const key = meta.idempotencyKey;
    if (key !== undefined && doetank.eventIds.has(eventIdFor(key, streamId, 0))) return;
    doetankDecider.decide(await build(), doetank.state);
  }

  private adoptTheme(themeId: string, doetankId: string, meta: CommandMeta): Promise<CommandResult> {
    const year = themeYear(themeId);
    // The request's validation already holds theme ids to this form; the stream to write to depends on it.
    if (year === undefined) {
      throw new InvalidRequestError(
        `themeId ${themeId} must start with the year of its theme, e.g. 2013-sociaal-domein`,
      );
    }
    return this.runner.run({
      decider: networkYearDecider,
      streamId: streams.networkYear(year),
      aggregateId: String(year),
      meta,
      build: () => ({ type: 'AdoptTheme' as const, data: { year, themeId, doetankId } }),
    });
  }
}
