import { ApiProperty } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsText } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/stop`: the Doetank stops without concluding (a final state); a reason is required. */
export class StopDoetankRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'Why the Doetank stops.',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'De opdrachtgever is na de reorganisatie bij Rijkswaterstaat weggevallen.',
  })
  @IsText(LIMITS.reason, { multiline: true })
  reason!: string;
}
