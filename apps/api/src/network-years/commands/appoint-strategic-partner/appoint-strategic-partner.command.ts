import { Command } from '@nestjs/cqrs';
import type { AppointStrategicPartnerRequestDto } from './appoint-strategic-partner.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class AppointStrategicPartnerCommand extends Command<CommandResult> {
  constructor(
    readonly year: number,
    readonly input: AppointStrategicPartnerRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
