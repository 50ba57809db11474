import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { RecordGatheringHeldCommand } from './record-gathering-held.command';

@CommandHandler(RecordGatheringHeldCommand)
export class RecordGatheringHeldHandler implements ICommandHandler<RecordGatheringHeldCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ gatheringId, input, meta }: RecordGatheringHeldCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: gatheringDecider,
      streamId: streams.gathering(gatheringId),
      aggregateId: gatheringId,
      meta,
      build: async () => {
        const attendees = await this.facts.members(input.attendees);
        return {
          type: 'RecordGatheringHeld' as const,
          // Held when it happened: the command's business time, already normalised to UTC.
          data: { gatheringId, attendees: input.attendees, heldOn: meta.occurredAt },
          context: {
            unknownAttendees: attendees.filter((a) => a.status === 'unknown').map((a) => a.memberId),
          },
        };
      },
    });
  }
}
