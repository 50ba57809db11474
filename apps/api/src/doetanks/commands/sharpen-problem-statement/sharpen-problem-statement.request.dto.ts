import { ApiProperty } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsEntityId, IsText } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/problem-statement`: the Doetank rewrites its problem statement as it learns. */
export class SharpenProblemStatementRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'The new problem statement; it replaces the previous one (which stays in the history).',
    maxLength: LIMITS.longText,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example:
      'Niet de regels over gegevensdeling, maar vijf verschillende intakeformulieren houden één gesprek tegen. ' +
      'Kunnen de vijf loketten in Utrecht-Overvecht één formulier delen?',
  })
  @IsText(LIMITS.longText, { multiline: true })
  problemStatement!: string;

  @ApiProperty({
    description: 'Member id of whoever sharpened it: a member or the coach of the Doetank.',
    format: 'uuid',
    example: '5a9d2f14-7c3b-4e6a-8f21-0b4c6d8e1f23',
  })
  @IsEntityId()
  sharpenedBy!: string;
}
