import { Command } from '@nestjs/cqrs';
import type { LeaveNetworkRequestDto } from './leave-network.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class LeaveNetworkCommand extends Command<CommandResult> {
  constructor(
    readonly memberId: string,
    readonly input: LeaveNetworkRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
