import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams, themeYear } from '@app/contracts';
import { doetankDecider, networkYearDecider, type AdoptTheme, type ProposeDoetank } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { InvalidRequestError } from '../../../problem-details/invalid-request.error';
import { ProposeDoetankCommand } from './propose-doetank.command';

/**
 * Proposing a Doetank with a theme touches two streams: the Doetank's, and the theme's network year, which records
 * the adoption (so the theme can never be removed while a Doetank refers to it). The Doetank is written first, with
 * the expected revision "no stream", and the adoption is derived from the written proposal (its cause):
 *
 * - Two proposals of one Doetank id at once: exactly one append of the Doetank succeeds; the other is decided again
 *   on the proposed Doetank and refused (409), before it wrote anything. (Adopting first, as before, left the
 *   loser's adoption behind: a theme that could never be removed.)
 * - The adoption is decided before anything is written (is the theme defined in its year?), so a proposal refused
 *   for its theme writes nothing either.
 * - EventStoreDB appends to one stream at a time (no transaction over two streams), so the two appends are
 *   ordered, not atomic. A crash, or a theme removed by `DefineYearThemes` in the instant between them, leaves a
 *   Doetank whose adoption is missing: its theme could then be removed while the Doetank names it. Repeating the
 *   proposal with its Idempotency-Key records the missing adoption (both steps are idempotent per key). That gap
 *   is the lesser one: the other order lost every race it was in (the attack run: 13 of 15), this one only a crash
 *   or an exact collision with a theme change.
 */
@CommandHandler(ProposeDoetankCommand)
export class ProposeDoetankHandler implements ICommandHandler<ProposeDoetankCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  async execute({ id: doetankId, input, meta }: ProposeDoetankCommand): Promise<CommandResult> {
    const adoption = input.themeId === undefined ? undefined : adoptionOf(input.themeId, doetankId);
    if (adoption) await this.decideWithoutWriting(adoption);

    const proposed = await this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: async (): Promise<ProposeDoetank> => ({
        type: 'ProposeDoetank',
        data: {
          doetankId,
          title: input.title,
          problemStatement: input.problemStatement,
          proposedBy: input.proposedBy,
          themeId: input.themeId,
        },
        context: { proposer: await this.facts.member(input.proposedBy) },
      }),
    });
    if (adoption) await this.adopt(adoption, meta, proposed.events[0]?.id);
    return proposed;
  }

  /** Refuses (writing nothing) a theme its year does not define. */
  private async decideWithoutWriting(adoption: AdoptTheme): Promise<void> {
    const year = await this.runner.decisionState(networkYearDecider, streams.networkYear(adoption.data.year));
    networkYearDecider.decide(adoption, year.state);
  }

  private adopt(adoption: AdoptTheme, meta: CommandMeta, causationId: string | undefined) {
    const { year } = adoption.data;
    return this.runner.run({
      decider: networkYearDecider,
      streamId: streams.networkYear(year),
      aggregateId: String(year),
      meta,
      causationId,
      build: () => adoption,
    });
  }
}

function adoptionOf(themeId: string, doetankId: string): AdoptTheme {
  const year = themeYear(themeId);
  // The request's validation already holds theme ids to this form; the stream to write to depends on it.
  if (year === undefined) {
    throw new InvalidRequestError(
      `themeId ${themeId} must start with the year of its theme, e.g. 2013-sociaal-domein`,
    );
  }
  return { type: 'AdoptTheme', data: { year, themeId, doetankId } };
}
