import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/lessons`: a member or the coach records a lesson learned. */
export class RecordLessonRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new lesson, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: '4f1e2d3c-6b5a-4978-8a6b-5c4d3e2f1a0b',
  })
  @IsOmittable()
  @IsEntityId()
  lessonId?: string;

  @ApiProperty({
    description: 'The lesson, in the words of whoever learned it.',
    maxLength: LIMITS.longText,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example:
      'Begin bij het gezin, niet bij de regels: de meeste "verboden" bleken afspraken die we zelf konden veranderen.',
  })
  @IsText(LIMITS.longText, { multiline: true })
  lesson!: string;

  @ApiProperty({
    description: 'Member id of whoever records it: a member or the coach of the Doetank.',
    format: 'uuid',
    example: '5a9d2f14-7c3b-4e6a-8f21-0b4c6d8e1f23',
  })
  @IsEntityId()
  recordedBy!: string;
}
