import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../../../shared/validation';
import { CommandRequestDto } from '../../../commands/command-request.dto';

/** `POST /gatherings/:gatheringId/registrations/:memberId/cancel`: a member cancels their registration. */
export class CancelRegistrationRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description: 'Why the registration is cancelled (optional).',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Ziek.',
  })
  @IsOmittable()
  @IsText(LIMITS.reason, { multiline: true })
  reason?: string;
}
