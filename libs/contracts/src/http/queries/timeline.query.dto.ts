import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TIMELINE_KINDS, type TimelineKind } from '../../read-models/timeline.read-model';
import { ENTITY_ID_PATTERN, IsThemeId, THEME_ID_PATTERN_SOURCE } from '../validation';
import { IsDateOrDateTime, IsNotBefore } from './period';
import { NEXT_CURSOR_DESCRIPTION, PagedQueryDto } from './read-model-query.dto';
import { IsFourDigitYear } from './year';

export const SUMMARY_LANGUAGES = ['nl', 'en'] as const;
export type SummaryLanguageCode = (typeof SUMMARY_LANGUAGES)[number];

const LOWERCASE_UUID = { message: '$property must be a lowercase UUID' };

/** `GET /timeline`: the network's activity, newest first (by business time), filtered and paged. */
export class TimelineQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({
    description:
      'Entries that occurred at or after this moment (business time). A date means the start of that day (UTC); ' +
      'a date-time needs seconds and an offset (write `+` as `%2B` in a URL).',
    example: '2012-01-01',
  })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({
    description:
      'Entries that occurred at or before this moment (business time). A date means the whole of that day (UTC); ' +
      'a date-time needs seconds and an offset. Not before `from`.',
    example: '2012-12-31',
  })
  @IsOptional()
  @IsDateOrDateTime()
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({
    description: 'Entries of this year (business time, UTC).',
    type: 'integer',
    example: 2012,
  })
  @IsOptional()
  @IsFourDigitYear()
  year?: number;

  @ApiPropertyOptional({
    description: 'The part of the network the entries are about.',
    enum: [...TIMELINE_KINDS],
    enumName: 'TimelineKind',
  })
  @IsOptional()
  @IsIn(TIMELINE_KINDS)
  kind?: TimelineKind;

  @ApiPropertyOptional({
    description: 'Entries about this Doetank (also programme items and discussions about it).',
    format: 'uuid',
  })
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, LOWERCASE_UUID)
  doetank?: string;

  @ApiPropertyOptional({
    description: 'Entries that name this member (joined, shared, coached, registered, attended, ...).',
    format: 'uuid',
  })
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, LOWERCASE_UUID)
  member?: string;

  @ApiPropertyOptional({ description: 'Entries about this gathering.', format: 'uuid' })
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, LOWERCASE_UUID)
  gathering?: string;

  @ApiPropertyOptional({
    description: "Entries about this theme: its definition, and its Doetanks' activity.",
    pattern: THEME_ID_PATTERN_SOURCE,
    example: '2013-sociaal-domein',
  })
  @IsOptional()
  @IsThemeId()
  theme?: string;

  @ApiPropertyOptional({
    description: 'Language of the summaries.',
    enum: [...SUMMARY_LANGUAGES],
    default: 'nl',
  })
  @IsOptional()
  @IsIn(SUMMARY_LANGUAGES)
  lang?: SummaryLanguageCode;
}

/** One entry of the timeline: what happened, to whom, and a readable summary. */
export class TimelineItemDto {
  @ApiProperty({ description: 'The event id.', format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Position of the event in the store (the tie-breaker after occurredAt).' })
  position!: number;
  @ApiProperty({ description: 'Business time (ISO-8601, UTC).', example: '2012-11-22T18:30:00.000Z' })
  occurredAt!: string;
  @ApiProperty({ example: 2012 }) year!: number;
  @ApiProperty({ description: '`YYYY-MM` of occurredAt.', example: '2012-11' }) month!: string;
  @ApiProperty({ description: 'The event type.', example: 'ResultShared' }) type!: string;
  @ApiProperty({ enum: [...TIMELINE_KINDS], enumName: 'TimelineKind' }) kind!: string;
  @ApiProperty({ description: 'Who acted: a member id or `system`.' }) actorId!: string;
  @ApiProperty({ description: 'Every member the event names (at most 500).', type: [String] })
  memberIds!: string[];
  @ApiPropertyOptional({ format: 'uuid' }) doetankId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) gatheringId?: string;
  @ApiProperty({ type: [String], description: 'Themes it concerns: its own, or its Doetank’s.' })
  themeIds!: string[];
  @ApiPropertyOptional({ format: 'uuid' }) discussionId?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What the entry keeps per event type (titles, kinds, ids); never names or e-mail addresses of members.',
  })
  details!: Record<string, unknown>;
  @ApiProperty({
    description:
      'A readable sentence in the requested language, with current names (a forgotten member is "vergeten lid" / ' +
      '"forgotten member").',
    example:
      "Anna Bakker deelde een business case 'Businesscase flexwerken' uit Doetank 'De gemeente zonder huis'",
  })
  summary!: string;
}

export class TimelinePageDto {
  @ApiProperty({ type: [TimelineItemDto] }) items!: TimelineItemDto[];
  @ApiPropertyOptional({ description: NEXT_CURSOR_DESCRIPTION })
  nextCursor?: string;
}
