import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { CorrectBusinessTimeCommand } from './correct-business-time.command';

@CommandHandler(CorrectBusinessTimeCommand)
export class CorrectBusinessTimeHandler implements ICommandHandler<CorrectBusinessTimeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ doetankId, input, meta }: CorrectBusinessTimeCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: (_state, clock) => ({
        type: 'CorrectBusinessTime' as const,
        data: {
          doetankId,
          revision: input.revision,
          // Normalised like every business time (the DTO has checked it is a date-time).
          correctedTo: new Date(input.correctedTo).toISOString(),
          reason: input.reason,
        },
        context: { clock },
      }),
    });
  }
}
