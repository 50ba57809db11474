import { RequestCommand } from '../../../commands/request-command';
import type { JoinNetworkRequestDto } from './join-network.request.dto';

/** Spans streams, so it has a handler of its own (`join-network.handler.ts`). */
export class JoinNetworkCommand extends RequestCommand<JoinNetworkRequestDto> {}
