import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, THEME_ID_PATTERN_SOURCE } from '@app/contracts';
import { IsDateTime, IsOmittable, IsThemeId } from '../shared/validation';

/** Fields every command request accepts, whatever the command. */
export abstract class CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Business time: when this happened in the network, as an ISO 8601 date-time with seconds and a UTC offset. ' +
      'Defaults to now; not before 2000-01-01 (the first network year). Send a past time to import history (e.g. a Grand Café of 2012 recorded today); ' +
      'timelines and retrospectives are ordered by this time, not by when the request arrived.',
    type: String,
    format: 'date-time',
    example: '2012-11-22T19:30:00+01:00',
  })
  @IsOmittable()
  @IsDateTime()
  occurredAt?: string;
}

/** An optional reference to a theme of a network year (`2013-sociaal-domein`), which may be left out, not null. */
export const OptionalThemeId = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description,
      maxLength: LIMITS.themeId,
      pattern: THEME_ID_PATTERN_SOURCE,
      example: '2013-sociaal-domein',
    }),
    IsOmittable(),
    IsThemeId(),
  );
