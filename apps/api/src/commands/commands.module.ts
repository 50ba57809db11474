import { Global, Module } from '@nestjs/common';
import { CommandEndpoint, DecideOnStreamHandler } from './command-endpoint';
import { CommandRunner } from './command-runner';
import { StreamFacts } from './stream-facts';

/**
 * The shared write path (CommandRunner), the cross-stream fact reader, and the two together as the command
 * controllers use them (CommandEndpoint).
 */
@Global()
@Module({
  providers: [CommandRunner, StreamFacts, CommandEndpoint, DecideOnStreamHandler],
  exports: [CommandRunner, StreamFacts, CommandEndpoint],
})
export class CommandsModule {}
