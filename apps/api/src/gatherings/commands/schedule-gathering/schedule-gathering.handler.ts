import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { ScheduleGatheringCommand } from './schedule-gathering.command';

@CommandHandler(ScheduleGatheringCommand)
export class ScheduleGatheringHandler implements ICommandHandler<ScheduleGatheringCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ gatheringId, input, meta }: ScheduleGatheringCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: gatheringDecider,
      streamId: streams.gathering(gatheringId),
      aggregateId: gatheringId,
      meta,
      build: () => ({
        type: 'ScheduleGathering' as const,
        data: {
          gatheringId,
          kind: input.kind,
          title: input.title,
          // The domain compares times as strings, so it only accepts the normalised UTC form.
          startsAt: new Date(input.startsAt).toISOString(),
          venue: input.venue,
          city: input.city,
          capacity: input.capacity,
        },
      }),
    });
  }
}
