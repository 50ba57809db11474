import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../../../shared/validation';

/** `POST /network-years/:year/strategic-partners`: an organisation becomes a strategic partner for the year. */
export class AppointStrategicPartnerRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'The partner organisation.',
    maxLength: LIMITS.organisation,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'KING (Kwaliteitsinstituut Nederlandse Gemeenten)',
  })
  @IsText(LIMITS.organisation)
  organisation!: string;

  @ApiPropertyOptional({
    description: 'What the partnership involves.',
    maxLength: LIMITS.description,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'KING brengt Doetank-resultaten onder de aandacht van alle gemeenten en host twee Cafés.',
  })
  @IsOmittable()
  @IsText(LIMITS.description, { multiline: true })
  description?: string;
}
