import { ApiProperty } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsEntityId } from '../../../shared/validation';

/** `POST /gatherings/:gatheringId/registrations`: an active member registers (while places are left). */
export class RegisterForGatheringRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'Member id of whoever registers; must be an active member.',
    format: 'uuid',
    example: 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02',
  })
  @IsEntityId()
  memberId!: string;
}
