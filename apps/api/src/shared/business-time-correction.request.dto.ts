import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsDateTime, IsText } from './validation';

/**
 * A correction of business time, on a Doetank's, a gathering's or a member's stream: the event at `revision` happened at
 * `correctedTo`, not at the time recorded. The correction is its own event (the corrected one is never rewritten);
 * `occurredAt` is when the correction was made (now by default). Each command extends it with a class of its own.
 */
export abstract class BusinessTimeCorrectionRequestDto extends CommandRequestDto {
  @ApiProperty({ description: 'Revision of the event whose business time was recorded wrongly', example: 2 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  revision!: number;

  @ApiProperty({
    description:
      'When it really happened (ISO-8601 with an offset); must stay after the event before it and not after the one that follows',
    type: String,
    format: 'date-time',
    example: '2013-03-11T09:30:00+01:00',
  })
  @IsDateTime()
  correctedTo!: string;

  @ApiProperty({
    description: 'Why the recorded time was wrong (kept in the audit trail).',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'De startdatum is overgenomen uit de notulen van maart, niet van mei.',
  })
  @IsText(LIMITS.reason, { multiline: true })
  reason!: string;
}
