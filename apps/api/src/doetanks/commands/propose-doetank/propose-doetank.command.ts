import { Command } from '@nestjs/cqrs';
import type { ProposeDoetankRequestDto } from './propose-doetank.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class ProposeDoetankCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: ProposeDoetankRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
