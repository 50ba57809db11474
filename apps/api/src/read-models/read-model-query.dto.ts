import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MaxLength } from 'class-validator';
import { ENTITY_ID_PATTERN, THEME_ID_PATTERN_SOURCE } from '@app/contracts';
import { IsThemeId } from '../shared/validation';

/** Page sizes of the read-model listings. */
export const PAGE_LIMITS = { default: 20, max: 100 } as const;

/** Longest cursor a listing accepts (a real one is well under 1,000 characters). */
export const MAX_CURSOR_LENGTH = 2048;

/** OpenAPI description of `nextCursor` in every page. */
export const NEXT_CURSOR_DESCRIPTION =
  'Pass as `cursor` (with the same filters) for the next page; absent on the last page.';

/** Response headers of every read-model endpoint (read-your-writes). */
export const READ_MODEL_HEADERS = {
  /** The lowest position among the read models the endpoint reads: the answer includes every event up to it. */
  position: 'X-Read-Model-Position',
  /** Only when `minPosition` was given: `true` once the read models reached it, `false` when the wait timed out. */
  consistent: 'X-Read-Model-Consistent',
} as const;

/** Query parameters every read-model endpoint accepts. */
export class ReadModelQueryDto {
  @ApiPropertyOptional({
    description:
      'Read your own writes: the `position` a command answered with. The server first waits (a few seconds at ' +
      'most) until the read models have applied that event, then answers; the header `X-Read-Model-Consistent` ' +
      'says whether they got there in time (`false`: the answer may not include that write yet).',
    type: 'integer',
    minimum: 0,
    example: 1842,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minPosition must be a non-negative integer (the position a command answered with)' })
  @Min(0, { message: 'minPosition must be a non-negative integer (the position a command answered with)' })
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

/** A page of a listing: its size and the cursor of the previous page. */
export class PagedQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({
    description: 'Page size.',
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMITS.max,
    default: PAGE_LIMITS.default,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer from 1 to ${PAGE_LIMITS.max}` })
  @Min(1, { message: `limit must be an integer from 1 to ${PAGE_LIMITS.max}` })
  @Max(PAGE_LIMITS.max, { message: `limit must be an integer from 1 to ${PAGE_LIMITS.max}` })
  limit?: number;

  @ApiPropertyOptional({
    description:
      'The `nextCursor` of the previous page, with the same filters. Opaque; a cursor of another listing or of ' +
      'other filters is refused (400). Entries that existed when the first page was read appear exactly once ' +
      'across the pages, also while new events arrive.',
    maxLength: MAX_CURSOR_LENGTH,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CURSOR_LENGTH)
  cursor?: string;
}

/** A listing's optional filter by an entity: a lowercase UUID (`@IdFilter('Entries about this gathering.')`). */
export const IdFilter = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, format: 'uuid' }),
    IsOptional(),
    Matches(ENTITY_ID_PATTERN, { message: '$property must be a lowercase UUID' }),
  );

/** A listing's optional filter by a theme of a network year (`2013-sociaal-domein`). */
export const ThemeFilter = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, pattern: THEME_ID_PATTERN_SOURCE, example: '2013-sociaal-domein' }),
    IsOptional(),
    IsThemeId(),
  );
