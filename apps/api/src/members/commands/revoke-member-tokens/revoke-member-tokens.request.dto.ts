import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../../../shared/validation';

/** `POST /members/:memberId/token-revocations`: every token the member holds now is refused from now on. */
export class RevokeMemberTokensRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description: 'Why, for the audit trail (a lost laptop, a token seen in a log).',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Laptop verloren op het station.',
  })
  @IsOmittable()
  @IsText(LIMITS.reason, { multiline: true })
  reason?: string;
}
