import { Command } from '@nestjs/cqrs';
import type { StopDoetankRequestDto } from './stop-doetank.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class StopDoetankCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: StopDoetankRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
