import { isISO8601, isRFC3339, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Periods in query parameters: a calendar date (`2012-11-22`, the whole day in UTC) or a date-time with seconds
 * and an offset (`2012-11-22T19:30:00+01:00`). Read models store business times as UTC ISO-8601 strings
 * (`toISOString()`), so the bounds below compare with them as strings.
 */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const isDateOrDateTime = (value: unknown): value is string =>
  typeof value === 'string' &&
  (DATE_ONLY.test(value)
    ? isISO8601(value, { strict: true })
    : isISO8601(value, { strict: true, strictSeparator: true }) && isRFC3339(value));

/** The first moment a period bound covers (UTC ISO-8601): a date's midnight, or the moment itself. */
export const periodStart = (value: string): string =>
  DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();

/** The last moment a period bound covers (UTC ISO-8601): a date's last millisecond, or the moment itself. */
export const periodEnd = (value: string): string =>
  DATE_ONLY.test(value) ? `${value}T23:59:59.999Z` : new Date(value).toISOString();

/** A calendar date or an RFC 3339 date-time (see {@link isDateOrDateTime}). */
export const IsDateOrDateTime = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isDateOrDateTime',
      validator: {
        validate: (value: unknown) => isDateOrDateTime(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a date (2012-11-22) or a date-time with seconds and a UTC offset ` +
          '(2012-11-22T19:30:00+01:00)',
      },
    },
    options,
  );

/** The period's end does not lie before its start (`start` names the other property); checked when both are valid. */
export const IsNotBefore = (start: string, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [start],
      validator: {
        validate: (value: unknown, args) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[start];
          if (!isDateOrDateTime(value) || !isDateOrDateTime(other)) return true;
          return periodStart(other) <= periodEnd(value);
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be before ${start}`,
      },
    },
    options,
  );
