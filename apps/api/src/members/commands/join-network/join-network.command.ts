import { Command } from '@nestjs/cqrs';
import type { JoinNetworkRequestDto } from './join-network.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class JoinNetworkCommand extends Command<CommandResult> {
  constructor(
    readonly memberId: string,
    readonly input: JoinNetworkRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
