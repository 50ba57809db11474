import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import { actorOf, type CommandResult } from '../../../commands/command-meta';
import { SecureClientCommand } from './secure-client.command';

@CommandHandler(SecureClientCommand)
export class SecureClientHandler implements ICommandHandler<SecureClientCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ doetankId, input, meta }: SecureClientCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: () => ({
        type: 'SecureClient' as const,
        data: { doetankId, organisation: input.organisation, contactName: input.contactName },
        actor: actorOf(meta),
      }),
    });
  }
}
