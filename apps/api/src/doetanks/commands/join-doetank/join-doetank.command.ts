import { Command } from '@nestjs/cqrs';
import type { JoinDoetankRequestDto } from './join-doetank.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class JoinDoetankCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: JoinDoetankRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
