import { Command } from '@nestjs/cqrs';
import type { RecordGatheringReportRequestDto } from './record-gathering-report.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class RecordGatheringReportCommand extends Command<CommandResult> {
  constructor(
    readonly gatheringId: string,
    readonly input: RecordGatheringReportRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
