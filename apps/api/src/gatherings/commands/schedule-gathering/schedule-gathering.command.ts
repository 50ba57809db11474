import { Command } from '@nestjs/cqrs';
import type { ScheduleGatheringRequestDto } from './schedule-gathering.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class ScheduleGatheringCommand extends Command<CommandResult> {
  constructor(
    readonly gatheringId: string,
    readonly input: ScheduleGatheringRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
