import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /gatherings/:gatheringId/programme`: add an item to the programme, possibly spotlighting a Doetank. */
export class AddProgrammeItemRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new item, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: '6a8c0e2f-4b6d-4f8a-9c1e-3b5d7f9a1c24',
  })
  @IsOmittable()
  @IsEntityId()
  itemId?: string;

  @ApiProperty({
    description: 'Title of the programme item.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Pitch: één keukentafelgesprek in plaats van vijf loketten',
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiPropertyOptional({
    description: 'Who speaks (free text: a speaker need not be a member).',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Fatima El Amrani (Gemeente Utrecht)',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  speaker?: string;

  @ApiPropertyOptional({
    description: 'The Doetank this item spotlights; it must exist.',
    format: 'uuid',
    example: '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35',
  })
  @IsOmittable()
  @IsEntityId()
  doetankId?: string;
}
