import { Command } from '@nestjs/cqrs';
import type { AddProgrammeItemRequestDto } from './add-programme-item.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class AddProgrammeItemCommand extends Command<CommandResult> {
  constructor(
    readonly gatheringId: string,
    readonly itemId: string,
    readonly input: AddProgrammeItemRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
