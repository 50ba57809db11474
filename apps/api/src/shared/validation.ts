import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsISO8601,
  IsNotEmpty,
  IsRFC3339,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { FIRST_NETWORK_YEAR, LIMITS, THEME_ID_PATTERN } from '@app/contracts';

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

/**
 * Text is stored in Unicode normalisation form C, so that one name has one spelling (`é` typed as one code point
 * or as `e` plus a combining accent) and compares equal in filters and in the read models.
 */
const normalised = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC') : value));

/** C0 controls, DEL and C1 controls: terminal escapes (ESC), NUL (which truncates strings in C libraries). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return, which multi-line text (a textarea) legitimately holds. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A surrogate without its partner: not a character; UTF-8 encoders replace or refuse it, databases differ. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hasLoneSurrogate = (value: unknown): boolean => typeof value === 'string' && LONE_SURROGATE.test(value);
/**
 * Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they make an address or an id
 * display as something else than it is (`moc.elpmaxe@` read backwards). Free text may need them (a name in Arabic
 * inside a Dutch sentence); identifiers and e-mail addresses never do.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * What renders as nothing: white space, format characters (zero-width space and joiners, word joiner, BOM, bidi
 * marks, soft hyphen; Unicode category Cf) and the Hangul fillers. A text of only these looks empty.
 */
const INVISIBLE = /[\s\p{Cf}\u115f\u1160\u3164\uffa0]/gu;

const refuses = (name: string, pattern: RegExp, message: string): PropertyDecorator =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !pattern.test(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} ${message}`,
    },
  });

/** Well-formed text: no control characters (but line breaks and tabs where `multiline`), no lone surrogates. */
const wellFormed = (multiline: boolean): PropertyDecorator =>
  all(
    refuses(
      'hasNoControlCharacters',
      multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL,
      multiline
        ? 'must not contain control characters (other than tab and line breaks)'
        : 'must not contain control characters (it is a single line)',
    ),
    refuses(
      'hasNoLoneSurrogates',
      LONE_SURROGATE,
      'must not contain lone surrogates (it is not valid Unicode)',
    ),
  );

/**
 * A free-text string, NFC-normalised: not empty, not only white space or invisible characters, no control
 * characters (tab and line breaks only when `multiline`), no lone surrogates, at most `maxLength` characters.
 */
export const IsText = (
  maxLength: number,
  { multiline = false }: { multiline?: boolean } = {},
): PropertyDecorator =>
  all(
    normalised(),
    IsString(),
    IsNotEmpty(),
    wellFormed(multiline),
    ValidateBy({
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value.replace(INVISIBLE, '') !== '',
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must not be blank (only white space or invisible characters)`,
      },
    }),
    MaxLength(maxLength),
  );

/**
 * An e-mail address, NFC-normalised: what `IsEmail` accepts, without control, format or bidi characters (an
 * address is an identifier: it must read as what it is), at most {@link LIMITS.email} characters.
 */
export const IsEmailAddress = (): PropertyDecorator =>
  all(
    normalised(),
    // validator.js's isEmail throws a URIError on a lone surrogate (its isByteLength calls encodeURI), which made
    // such a body a 500; hasNoLoneSurrogates (below) refuses it with its own message instead.
    IsEmail(undefined, { validateIf: (_object: object, value: unknown) => !hasLoneSurrogate(value) }),
    wellFormed(false),
    refuses('hasNoBidiControls', BIDI_CONTROL, 'must not contain bidirectional control characters'),
    refuses('hasNoInvisibleCharacters', /\p{Cf}/u, 'must not contain invisible (format) characters'),
    MaxLength(LIMITS.email),
  );

/**
 * A list of objects, each validated as the DTO `type` returns, `min` (none by default) to `max` of them. Applied in
 * the order the same decorators written one by one above the property are.
 */
export const IsListOf = (
  type: () => new () => object,
  { min = 0, max }: { min?: number; max: number },
): PropertyDecorator =>
  all(
    Type(type),
    ValidateNested({ each: true }),
    ArrayMaxSize(max),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    IsArray(),
  );

/** A lowercase UUID (see {@link ENTITY_ID_PATTERN}); `{ each: true }` for arrays of ids. */
export const IsEntityId = (options: ValidationOptions = {}): PropertyDecorator =>
  all(
    IsUUID([...UUID_VERSIONS], options),
    Matches(/^[^A-F]*$/, { ...options, message: '$property must be written in lowercase' }),
  );

/**
 * The earliest business time the network records: the first moment of its first year ({@link FIRST_NETWORK_YEAR},
 * also the first network year a path accepts). History before it cannot be the network's, and a year such as 1000
 * is a typing error that would sort before everything in every timeline.
 */
export const EARLIEST_BUSINESS_TIME_MS = Date.UTC(FIRST_NETWORK_YEAR, 0, 1);

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
    ValidateBy({
      name: 'isNotBeforeTheNetwork',
      validator: {
        // Only once the value is a date-time (the checks above say what is wrong otherwise).
        validate: (value: unknown) =>
          typeof value !== 'string' || !(Date.parse(value) < EARLIEST_BUSINESS_TIME_MS),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must not lie before ${FIRST_NETWORK_YEAR}-01-01 (the network's first year)`,
      },
    }),
  );

/** A theme id: its year, then lowercase words joined by hyphens (`2013-open-overheidsdata`). */
export const IsThemeId = (): PropertyDecorator =>
  all(
    Matches(THEME_ID_PATTERN, {
      message: '$property must look like 2013-open-overheidsdata (a year, then lowercase words)',
    }),
    MaxLength(LIMITS.themeId),
  );
