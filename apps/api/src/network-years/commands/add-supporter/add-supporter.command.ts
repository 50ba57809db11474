import { Command } from '@nestjs/cqrs';
import type { AddSupporterRequestDto } from './add-supporter.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class AddSupporterCommand extends Command<CommandResult> {
  constructor(
    readonly year: number,
    readonly supporterId: string,
    readonly input: AddSupporterRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
