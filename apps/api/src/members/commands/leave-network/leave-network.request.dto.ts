import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../../../shared/validation';

/** `POST /members/:memberId/leave`: a member leaves the network; their history stays. */
export class LeaveNetworkRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description: 'Why the member leaves, if they want to say.',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Met pensioen na 38 jaar bij de provincie.',
  })
  @IsOmittable()
  @IsText(LIMITS.reason, { multiline: true })
  reason?: string;
}
