import { ApiProperty } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsEntityId } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/members`: an active member joins a Doetank. */
export class JoinDoetankRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'Member id of whoever joins; must be an active member.',
    format: 'uuid',
    example: 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02',
  })
  @IsEntityId()
  memberId!: string;
}
