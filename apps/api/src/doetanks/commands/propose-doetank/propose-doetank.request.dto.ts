import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto, OptionalThemeId } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /doetanks`: an active member brings a concrete problem from their work into a new Doetank. */
export class ProposeDoetankRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new Doetank, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35',
  })
  @IsOmittable()
  @IsEntityId()
  doetankId?: string;

  @ApiProperty({
    description: 'Short title of the Doetank.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Eén keukentafelgesprek in plaats van vijf loketten',
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiProperty({
    description: 'The concrete problem from the proposer’s own work that the Doetank will take on.',
    maxLength: LIMITS.longText,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example:
      'Een gezin met schulden en een zorgvraag spreekt in Utrecht met vijf loketten die elk hun eigen intake doen. ' +
      'Hoe komen we tot één gesprek, zonder dat regels over gegevensdeling het tegenhouden?',
  })
  @IsText(LIMITS.longText, { multiline: true })
  problemStatement!: string;

  @ApiProperty({
    description: 'Member id of the proposer; must be an active member.',
    format: 'uuid',
    example: 'b3e1c6a2-4f0d-4c8e-9a51-2d7f3e8c9a10',
  })
  @IsEntityId()
  proposedBy!: string;

  @OptionalThemeId('Theme of a network year the Doetank works on; the id starts with the year.')
  themeId?: string;
}
