import { Command } from '@nestjs/cqrs';
import type { CancelRegistrationRequestDto } from './cancel-registration.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class CancelRegistrationCommand extends Command<CommandResult> {
  constructor(
    readonly gatheringId: string,
    readonly memberId: string,
    readonly input: CancelRegistrationRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
