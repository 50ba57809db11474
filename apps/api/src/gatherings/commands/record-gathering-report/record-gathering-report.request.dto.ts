import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsListOf, IsOmittable, IsText } from '../../../shared/validation';

/** Links and quotes one report may hold. */
export const REPORT_LIST_LIMIT = 20;

/**
 * An optional list of up to {@link REPORT_LIST_LIMIT} `item`s, documented and validated. Applied in the order the
 * same decorators written one by one above the property are.
 */
const OptionalReportList = (what: string, item: () => new () => object) =>
  applyDecorators(
    IsListOf(item, { max: REPORT_LIST_LIMIT }),
    IsOmittable(),
    ApiPropertyOptional({
      description: `${what} (at most ${REPORT_LIST_LIMIT}).`,
      type: () => [item()],
      maxItems: REPORT_LIST_LIMIT,
    }),
  );

/** A link in the report: a video, photos, slides, a film; who made it. */
export class GatheringReportLinkRequestDto {
  @ApiProperty({
    description: 'What the link shows.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: "Film 'Innoveren door professionals'",
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiProperty({
    description: 'Where it is (http or https).',
    maxLength: LIMITS.url,
    example: 'https://www.kl.nl/nieuws/loskomen-van-de-tekentafel-op-het-slimmernetwerk-grandcafe/',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, disallow_auth: true })
  @MaxLength(LIMITS.url)
  url!: string;

  @ApiPropertyOptional({
    description: 'Who made it (free text).',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Robin de Lange (filmmaker)',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  maker?: string;
}

/** A quote: what was said, by whom, in which role. */
export class GatheringQuoteRequestDto {
  @ApiProperty({
    description: 'What was said.',
    maxLength: LIMITS.reason,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Een reis waarvan we het eindpunt nog niet kennen.',
  })
  @IsText(LIMITS.reason, { multiline: true })
  text!: string;

  @ApiProperty({
    description: 'Who said it (free text: a speaker need not be a member).',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Lucas Lombaers',
  })
  @IsText(LIMITS.name)
  speaker!: string;

  @ApiPropertyOptional({
    description: "The speaker's role or organisation.",
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'directeur Arbeidszaken Publieke Sector, ministerie van BZK',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  role?: string;
}

/**
 * `PUT /gatherings/:gatheringId/report`: the report of a held gathering (what happened, links to media with their
 * makers, quotes with the speakers' roles, guests who are not members). It replaces an earlier report.
 */
export class RecordGatheringReportRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'What happened, in a few paragraphs.',
    maxLength: LIMITS.longText,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example:
      'Zo’n honderd vernieuwers in de Beurs van Berlage; KING stelde zich voor als strategisch partner.',
  })
  @IsText(LIMITS.longText, { multiline: true })
  summary!: string;

  @OptionalReportList('Links to media', () => GatheringReportLinkRequestDto)
  links?: GatheringReportLinkRequestDto[];

  @OptionalReportList('Quotes', () => GatheringQuoteRequestDto)
  quotes?: GatheringQuoteRequestDto[];

  @ApiPropertyOptional({
    description: 'Guests who came without being members (not in the attendance list).',
    minimum: 1,
    maximum: LIMITS.capacity,
    example: 12,
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(LIMITS.capacity)
  guests?: number;
}
