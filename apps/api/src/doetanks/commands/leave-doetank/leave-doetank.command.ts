import { Command } from '@nestjs/cqrs';
import type { LeaveDoetankRequestDto } from './leave-doetank.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class LeaveDoetankCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly memberId: string,
    readonly input: LeaveDoetankRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
