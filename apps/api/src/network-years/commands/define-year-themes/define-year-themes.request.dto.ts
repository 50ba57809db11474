import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, ValidateNested } from 'class-validator';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE, THEME_ID_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText, IsThemeId } from '../../../shared/validation';

/** One theme of a network year. */
export class YearThemeRequestDto {
  @ApiProperty({
    description:
      'Stable id, unique across years, starting with the year of the path (`2013-...`). Reuse the id to keep a ' +
      'theme when redefining the list.',
    maxLength: LIMITS.themeId,
    pattern: THEME_ID_PATTERN_SOURCE,
    example: '2013-open-overheidsdata',
  })
  @IsThemeId()
  themeId!: string;

  @ApiProperty({
    description: 'Title of the theme.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Open overheidsdata',
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiPropertyOptional({
    description: 'What the theme is about.',
    maxLength: LIMITS.description,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Wat gebeurt er als overheden hun data openstellen, en wie maakt er iets mee?',
  })
  @IsOmittable()
  @IsText(LIMITS.description, { multiline: true })
  description?: string;
}

/** The first themes of 2013, as the OpenAPI document shows them (the command's example adds the rest). */
export const YEAR_THEMES_EXAMPLE: YearThemeRequestDto[] = [
  {
    themeId: '2013-open-overheidsdata',
    title: 'Open overheidsdata',
    description: 'Wat gebeurt er als overheden hun data openstellen, en wie maakt er iets mee?',
  },
  { themeId: '2013-sociaal-domein', title: 'De decentralisaties in het sociaal domein' },
  { themeId: '2013-minder-regels', title: 'Minder regels, meer ruimte voor de professional' },
];

/**
 * `PUT /network-years/:year/themes`: the complete list of the year's themes; it replaces the previous list. A theme
 * that a Doetank refers to cannot be left out.
 */
export class DefineYearThemesRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: `All themes of the year (1 to ${LIMITS.themesPerYear}), each theme id once.`,
    type: () => [YearThemeRequestDto],
    minItems: 1,
    maxItems: LIMITS.themesPerYear,
    example: YEAR_THEMES_EXAMPLE,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.themesPerYear)
  @ArrayUnique((theme: { themeId?: unknown }) => theme.themeId, {
    message: 'each theme id may appear only once',
  })
  @ValidateNested({ each: true })
  @Type(() => YearThemeRequestDto)
  themes!: YearThemeRequestDto[];
}
