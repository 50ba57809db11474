import { ApiProperty } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsText } from '../../../shared/validation';

/**
 * `POST /members/:memberId/forget`: erase a member's personal data (their key is destroyed); the history stays,
 * showing "forgotten member".
 */
export class ForgetMemberRequestDto extends CommandRequestDto {
  @ApiProperty({
    description:
      'Why the personal data is erased, kept for the audit trail. Do not repeat personal data here: the reason is not erased.',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Verzoek tot verwijdering (AVG art. 17) ontvangen op 4 maart 2014.',
  })
  @IsText(LIMITS.reason, { multiline: true })
  reason!: string;
}
