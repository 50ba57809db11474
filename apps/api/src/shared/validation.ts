import {
  IsISO8601,
  IsNotEmpty,
  IsRFC3339,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { LIMITS, NON_BLANK_PATTERN, THEME_ID_PATTERN } from '@app/contracts';

/**
 * Validation building blocks shared by the request DTOs. Each is a plain property decorator made of class-validator
 * decorators, so the ValidationPipe (whitelist, forbidNonWhitelisted) sees them as ordinary validators.
 */

const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };

const UUID_VERSIONS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;

/**
 * The field may be left out, but not sent as `null`. (`@IsOptional()` also skips `null`, which would carry a
 * `null` into events whose type says `string | undefined`.)
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A free-text string: not empty, not only white space, at most `maxLength` characters. */
export const IsText = (maxLength: number): PropertyDecorator =>
  all(
    IsString(),
    IsNotEmpty(),
    Matches(NON_BLANK_PATTERN, { message: '$property must not be blank' }),
    MaxLength(maxLength),
  );

/** A lowercase UUID (see {@link ENTITY_ID_PATTERN}); `{ each: true }` for arrays of ids. */
export const IsEntityId = (options: ValidationOptions = {}): PropertyDecorator =>
  all(
    IsUUID([...UUID_VERSIONS], options),
    Matches(/^[^A-F]*$/, { ...options, message: '$property must be written in lowercase' }),
  );

/** Message shared by every date-time field, so clients see one rule. */
const DATE_TIME_MESSAGE =
  '$property must be an ISO 8601 date-time with seconds and a UTC offset, e.g. 2012-11-22T19:30:00+01:00';

/**
 * An ISO 8601 date-time in the RFC 3339 profile: full date, `T`, time with seconds, and an offset (`Z` or `+01:00`).
 * `IsISO8601({ strict: true })` alone also accepts a bare date, a year, a week or ordinal date (`2012-W47`,
 * `2012-327`), the basic format (`20121122T190000Z`) and local times without an offset, most of which
 * `Date.parse` cannot read or reads in the server's time zone; `IsRFC3339` alone accepts impossible dates
 * (`2013-02-30`), a space separator and second 60. Together they accept what every consumer reads the same way.
 */
export const IsDateTime = (): PropertyDecorator =>
  all(
    IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_TIME_MESSAGE }),
    IsRFC3339({ message: DATE_TIME_MESSAGE }),
  );

/** A theme id: its year, then lowercase words joined by hyphens (`2013-open-overheidsdata`). */
export const IsThemeId = (): PropertyDecorator =>
  all(
    Matches(THEME_ID_PATTERN, {
      message: '$property must look like 2013-open-overheidsdata (a year, then lowercase words)',
    }),
    MaxLength(LIMITS.themeId),
  );
