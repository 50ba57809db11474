import { CommandRequestDto } from '../../../commands/command-request.dto';

/** `POST /doetanks/:doetankId/start`: the Doetank starts work (needs a problem statement and a coach). */
export class StartDoetankRequestDto extends CommandRequestDto {}
