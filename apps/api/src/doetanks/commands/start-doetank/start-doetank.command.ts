import { Command } from '@nestjs/cqrs';
import type { StartDoetankRequestDto } from './start-doetank.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class StartDoetankCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: StartDoetankRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
