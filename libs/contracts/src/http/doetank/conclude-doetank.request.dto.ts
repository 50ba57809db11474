import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../command-request.dto';
import { LIMITS } from '../limits';
import { IsOmittable, IsText, NON_BLANK_PATTERN_SOURCE } from '../validation';

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
  @IsText(LIMITS.longText)
  conclusion?: string;
}
