import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { AddProgrammeItemCommand } from './add-programme-item.command';

@CommandHandler(AddProgrammeItemCommand)
export class AddProgrammeItemHandler implements ICommandHandler<AddProgrammeItemCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ gatheringId, itemId, input, meta }: AddProgrammeItemCommand): Promise<CommandResult> {
    const { doetankId } = input;
    return this.runner.run({
      decider: gatheringDecider,
      streamId: streams.gathering(gatheringId),
      aggregateId: gatheringId,
      meta,
      build: async () => ({
        type: 'AddProgrammeItem' as const,
        data: { gatheringId, itemId, title: input.title, speaker: input.speaker, doetankId },
        context: {
          doetankExists: doetankId !== undefined ? await this.facts.doetankExists(doetankId) : undefined,
        },
      }),
    });
  }
}
