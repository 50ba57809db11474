import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray } from 'class-validator';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS } from '@app/contracts';
import { IsEntityId } from '../../../shared/validation';

/**
 * `POST /gatherings/:gatheringId/held`: record that the gathering took place and who attended. The moment it was
 * held is the request's `occurredAt` (on or after the start of the gathering).
 */
export class RecordGatheringHeldRequestDto extends CommandRequestDto {
  @ApiProperty({
    description:
      'Member ids of everyone who attended, each once; they need not have registered. May be empty.',
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: LIMITS.attendees,
    uniqueItems: true,
    example: ['b3e1c6a2-4f0d-4c8e-9a51-2d7f3e8c9a10', 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02'],
  })
  @IsArray()
  @ArrayMaxSize(LIMITS.attendees)
  @ArrayUnique()
  @IsEntityId({ each: true })
  attendees!: string[];
}
