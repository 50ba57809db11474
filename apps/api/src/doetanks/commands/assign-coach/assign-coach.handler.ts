import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import { actorOf, type CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { AssignCoachCommand } from './assign-coach.command';

@CommandHandler(AssignCoachCommand)
export class AssignCoachHandler implements ICommandHandler<AssignCoachCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ doetankId, input, meta }: AssignCoachCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: async () => ({
        type: 'AssignCoach' as const,
        data: {
          doetankId,
          coachId: input.coachId,
          ...(input.reason !== undefined && { reason: input.reason }),
        },
        actor: actorOf(meta),
        context: { coach: await this.facts.member(input.coachId) },
      }),
    });
  }
}
