import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/coach`: assign (or replace) the one coach of a Doetank. */
export class AssignCoachRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'Member id of the coach; must be an active member. Replaces the current coach, if any.',
    format: 'uuid',
    example: '5a9d2f14-7c3b-4e6a-8f21-0b4c6d8e1f23',
  })
  @IsEntityId()
  coachId!: string;
  @ApiPropertyOptional({
    description: 'Why this coach, or why the coach is replaced (optional; shown in the history).',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Joost vertrekt naar het Rijk; Pieter neemt het over.',
  })
  @IsOmittable()
  @IsText(LIMITS.reason, { multiline: true })
  reason?: string;
}
