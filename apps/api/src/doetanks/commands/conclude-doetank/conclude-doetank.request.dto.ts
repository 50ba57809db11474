import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/conclude`: the Doetank finishes its work (a final state). */
export class ConcludeDoetankRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description: 'What the Doetank concluded.',
    maxLength: LIMITS.longText,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Overvecht werkt sinds januari met één intakeformulier; drie andere wijken volgen in 2014.',
  })
  @IsOmittable()
  @IsText(LIMITS.longText, { multiline: true })
  conclusion?: string;
}
