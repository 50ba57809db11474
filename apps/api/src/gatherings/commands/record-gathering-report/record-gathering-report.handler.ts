import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { RecordGatheringReportCommand } from './record-gathering-report.command';

@CommandHandler(RecordGatheringReportCommand)
export class RecordGatheringReportHandler implements ICommandHandler<RecordGatheringReportCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ gatheringId, input, meta }: RecordGatheringReportCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: gatheringDecider,
      streamId: streams.gathering(gatheringId),
      aggregateId: gatheringId,
      meta,
      build: () =>
        Promise.resolve({
          type: 'RecordGatheringReport' as const,
          data: {
            gatheringId,
            summary: input.summary,
            links: (input.links ?? []).map(({ title, url, maker }) => ({
              title,
              url,
              ...(maker !== undefined && { maker }),
            })),
            quotes: (input.quotes ?? []).map(({ text, speaker, role }) => ({
              text,
              speaker,
              ...(role !== undefined && { role }),
            })),
            ...(input.guests !== undefined && { guests: input.guests }),
          },
        }),
    });
  }
}
