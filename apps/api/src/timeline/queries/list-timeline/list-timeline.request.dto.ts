import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TIMELINE_KINDS, type TimelineKind, LIMITS } from '@app/contracts';
import { TIMELINE_EVENT_TYPES } from '@app/projections';
import { IsText } from '../../../shared/validation';
import { IsDateOrDateTime, IsNotBefore } from '../../../shared/period';
import { IdFilter, ThemeFilter, PagedQueryDto } from '../../../read-models/read-model-query.dto';
import { IsFourDigitYear } from '../../../shared/year';

export const SUMMARY_LANGUAGES = ['nl', 'en'] as const;

export type SummaryLanguageCode = (typeof SUMMARY_LANGUAGES)[number];

export const TIMELINE_ORDERS = ['newest', 'oldest'] as const;

const ONE_TYPE = `(?:${TIMELINE_EVENT_TYPES.join('|')})`;
/** One event type of the timeline, or several separated by commas. */
export const EVENT_TYPE_LIST = new RegExp(
  `^${ONE_TYPE}(?:,${ONE_TYPE}){0,${TIMELINE_EVENT_TYPES.length - 1}}$`,
);

/** One to sixteen words of letters or digits, whatever separates them. */
const SEARCH_WORDS = /^[^\p{L}\p{N}]*(?:[\p{L}\p{N}]+[^\p{L}\p{N}]*){1,16}$/u;

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

  @IdFilter('Entries about this Doetank (also programme items and discussions about it).')
  doetank?: string;

  @IdFilter('Entries that name this member (joined, shared, coached, registered, attended, ...).')
  member?: string;

  @IdFilter('Entries about this gathering.')
  gathering?: string;

  @ThemeFilter("Entries about this theme: its definition, and its Doetanks' activity.")
  theme?: string;

  @ApiPropertyOptional({
    description:
      'Entries of these event types only: one type, or several separated by commas (any of them). ' +
      `The types: ${TIMELINE_EVENT_TYPES.join(', ')}.`,
    example: 'DoetankStarted,DoetankConcluded,ResultShared,GatheringHeld',
  })
  @IsOptional()
  @Matches(EVENT_TYPE_LIST, {
    message: `type must be one or more of ${TIMELINE_EVENT_TYPES.join(', ')}, separated by commas`,
  })
  type?: string;

  @ApiPropertyOptional({
    description:
      'Full-text search: entries whose summary holds every one of these words, in Dutch or in English ' +
      '(whole words, case and accents ignored; at most 16 words). Summaries are searched as they read without ' +
      'names of members: a member is found with the `member` filter, never by name.',
    maxLength: LIMITS.title,
    example: 'rapport warmtenet',
  })
  @IsOptional()
  @IsText(LIMITS.title)
  @Matches(SEARCH_WORDS, { message: 'q must hold 1 to 16 words (letters or digits)' })
  q?: string;

  @ApiPropertyOptional({
    description: 'The order by business time: `newest` first (the default) or `oldest` first.',
    enum: [...TIMELINE_ORDERS],
    default: 'newest',
  })
  @IsOptional()
  @IsIn(TIMELINE_ORDERS)
  order?: (typeof TIMELINE_ORDERS)[number];

  @ApiPropertyOptional({
    description:
      'With `true`, the page also says how many entries the filters match in all (`total`): ask it with the ' +
      'first page only, as it counts them all.',
    enum: ['true', 'false'],
    default: 'false',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  total?: 'true' | 'false';

  @ApiPropertyOptional({
    description: 'Language of the summaries.',
    enum: [...SUMMARY_LANGUAGES],
    default: 'nl',
  })
  @IsOptional()
  @IsIn(SUMMARY_LANGUAGES)
  lang?: SummaryLanguageCode;
}
