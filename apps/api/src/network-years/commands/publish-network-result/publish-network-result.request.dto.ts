import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUrl, MaxLength } from 'class-validator';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsEntityId, IsListOf, IsOmittable, IsText } from '../../../shared/validation';
import { CreditRequestDto, EDITORIAL_LIST_LIMIT, IsCalendarDate } from '../../editorial.request.dto';

export const NETWORK_RESULT_KINDS = ['film', 'publication', 'website', 'other'] as const;

/** `POST /network-years/:year/results`: a result of the network as a whole (not of a Doetank), with its makers. */
export class PublishNetworkResultRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the result, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
  })
  @IsOmittable()
  @IsEntityId()
  resultId?: string;

  @ApiProperty({
    description: 'Its title.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Innoveren door professionals',
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiProperty({ description: 'What it is.', enum: NETWORK_RESULT_KINDS, example: 'film' })
  @IsIn(NETWORK_RESULT_KINDS)
  kind!: (typeof NETWORK_RESULT_KINDS)[number];

  @ApiPropertyOptional({
    description: 'What it shows, in a sentence or two.',
    maxLength: LIMITS.description,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
  })
  @IsOmittable()
  @IsText(LIMITS.description, { multiline: true })
  description?: string;

  @ApiPropertyOptional({ description: 'Where it is (http or https).', maxLength: LIMITS.url })
  @IsOmittable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, disallow_auth: true })
  @MaxLength(LIMITS.url)
  link?: string;

  @ApiProperty({
    description: `Who made it, with their roles (1 to ${EDITORIAL_LIST_LIMIT}); makers need not be members.`,
    type: () => [CreditRequestDto],
    minItems: 1,
    maxItems: EDITORIAL_LIST_LIMIT,
  })
  @IsListOf(() => CreditRequestDto, { min: 1, max: EDITORIAL_LIST_LIMIT })
  makers!: CreditRequestDto[];

  @ApiProperty({
    description: 'The date it was published or first shown (YYYY-MM-DD), in the year of the path.',
  })
  @IsCalendarDate()
  publishedOn!: string;
}
