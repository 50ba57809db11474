import type { When } from './demo-content';

/** Dutch local time for the demo year: moments with their offset, without a clock or a time-zone database. */
export interface Moment {
  ms: number;
  /** ISO 8601 with the Dutch offset of that moment: `2012-11-22T15:00:00+01:00`. */
  iso: string;
}

export const DAY = 24 * 3600 * 1000;
export const HOUR = 3600 * 1000;

/** Last Sunday of a month, as a day of the month. */
const lastSunday = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
};

/** Summer time in the Netherlands: from the last Sunday of March to the last Sunday of October. */
const offsetHours = (year: number, month: number, day: number): number => {
  if (month > 3 && month < 10) return 2;
  if (month === 3) return day >= lastSunday(year, 3) ? 2 : 1;
  if (month === 10) return day < lastSunday(year, 10) ? 2 : 1;
  return 1;
};

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function at(when: When): Moment {
  const [year, month, day, hour, minute] = when;
  const offset = offsetHours(year, month, day);
  return {
    ms: Date.UTC(year, month - 1, day, hour - offset, minute),
    iso: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+0${offset}:00`,
  };
}

/** The local (Dutch) time of an instant. */
export function localWhen(ms: number): When {
  const utc = new Date(ms);
  const offset = offsetHours(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  const local = new Date(ms + offset * HOUR);
  return [
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
  ];
}
