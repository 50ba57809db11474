import { CommandRequestDto } from '../command-request.dto';

/** `POST /doetanks/:doetankId/start`: the Doetank starts work (needs a problem statement and a coach). */
export class StartDoetankRequestDto extends CommandRequestDto {}
