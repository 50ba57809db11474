import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/client`: an organisation commits as the Doetank's client ("opdrachtgever"). */
export class SecureClientRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'The client organisation.',
    maxLength: LIMITS.organisation,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Gemeente Utrecht, afdeling Werk en Inkomen',
  })
  @IsText(LIMITS.organisation)
  organisation!: string;

  @ApiPropertyOptional({
    description: 'Contact person at the client organisation.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Marloes Jansen',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  contactName?: string;
}
