import { Command } from '@nestjs/cqrs';
import type { AssignCoachRequestDto } from './assign-coach.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class AssignCoachCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: AssignCoachRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
