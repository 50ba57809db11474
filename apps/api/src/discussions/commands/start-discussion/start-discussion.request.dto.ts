import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUrl, MaxLength } from 'class-validator';
import { CommandRequestDto, OptionalThemeId } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/**
 * `POST /discussions`: record a discussion in the online group. Only its title and link are kept, not the text.
 */
export class StartDiscussionRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new discussion, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: '7e9a1c3d-5f7b-4d9e-b1a3-c5e7f9a1b346',
  })
  @IsOmittable()
  @IsEntityId()
  discussionId?: string;

  @ApiProperty({
    description: 'Title of the discussion.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Wie heeft ervaring met één intakeformulier voor meerdere loketten?',
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiProperty({
    description: 'Where the discussion takes place (http or https, no credentials in the link).',
    format: 'uri',
    maxLength: LIMITS.url,
    example: 'https://www.linkedin.com/groups/2895643/discussions/een-intakeformulier',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, disallow_auth: true })
  @MaxLength(LIMITS.url)
  link!: string;

  @ApiProperty({
    description: 'Member id of whoever started it; must be an active member.',
    format: 'uuid',
    example: 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02',
  })
  @IsEntityId()
  startedBy!: string;

  @OptionalThemeId('Theme the discussion belongs to; it must be defined.')
  themeId?: string;

  @ApiPropertyOptional({
    description: 'Doetank the discussion is about; it must exist.',
    format: 'uuid',
    example: '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35',
  })
  @IsOmittable()
  @IsEntityId()
  doetankId?: string;
}
