import { ApiProperty } from '@nestjs/swagger';
import { CommandRequestDto } from '../command-request.dto';
import { LIMITS } from '../limits';
import { IsText, NON_BLANK_PATTERN_SOURCE } from '../validation';

/** `POST /doetanks/:doetankId/stop`: the Doetank stops without concluding (a final state); a reason is required. */
export class StopDoetankRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'Why the Doetank stops.',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'De opdrachtgever is na de reorganisatie bij Rijkswaterstaat weggevallen.',
  })
  @IsText(LIMITS.reason)
  reason!: string;
}
