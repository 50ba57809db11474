import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../../../shared/validation';
import { CommandRequestDto } from '../../../commands/command-request.dto';

/** `POST /doetanks/:doetankId/members/:memberId/leave`: a member leaves a Doetank. */
export class LeaveDoetankRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description: 'Why the member leaves (optional; shown in the history).',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Ik ben van baan gewisseld en heb er geen tijd meer voor.',
  })
  @IsOmittable()
  @IsText(LIMITS.reason, { multiline: true })
  reason?: string;
}
