/**
 * The twelve month names of a locale, January first, from the platform's CLDR data (Node's full ICU): `long` is
 * `januari` / `January`, `short` is `mrt` / `Mar`. Use `en`, not `en-GB`, for English short names: CLDR's British
 * abbreviation of September is `Sept`. A spec pins the strings, so an ICU update that changes them is noticed.
 */
export const monthNames = (locale: string, style: 'long' | 'short'): readonly string[] => {
  const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2000, month, 1)));
};
