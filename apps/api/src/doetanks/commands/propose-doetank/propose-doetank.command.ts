import { RequestCommand } from '../../../commands/request-command';
import type { ProposeDoetankRequestDto } from './propose-doetank.request.dto';

/** Spans streams, so it has a handler of its own (`propose-doetank.handler.ts`). */
export class ProposeDoetankCommand extends RequestCommand<ProposeDoetankRequestDto> {}
