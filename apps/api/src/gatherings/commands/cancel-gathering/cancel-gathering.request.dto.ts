import { ApiProperty } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsText } from '../../../shared/validation';

/** `POST /gatherings/:gatheringId/cancel`: the gathering will not take place. */
export class CancelGatheringRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'Why the gathering is cancelled; shown to registered members.',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'De Beurs van Berlage is die avond niet beschikbaar; we zoeken een nieuwe datum.',
  })
  @IsText(LIMITS.reason, { multiline: true })
  reason!: string;
}
