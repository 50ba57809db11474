import {
  duplicatesOf,
  isBlank,
  isHttpUrl,
  isNormalisedIsoTime,
  nameKey,
  optionalText,
  utcCalendarDate,
} from './validation';

describe('Domain input checks', () => {
  it('treats whitespace-only and non-string text as blank', () => {
    expect(isBlank(' \n\t')).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(' a ')).toBe(false);
  });

  it('trims optional text and drops it when blank', () => {
    expect(optionalText(' reden ')).toBe('reden');
    expect(optionalText('  ')).toBeUndefined();
    expect(optionalText(undefined)).toBeUndefined();
  });

  it.each([
    'http://slimmernetwerk.nl',
    'https://www.kennisland.nl/doetanks?jaar=2013#resultaten',
    'HTTPS://EXAMPLE.NL/',
  ])('accepts the link %s', (link) => expect(isHttpUrl(link)).toBe(true));

  it.each([
    '',
    'slimmernetwerk.nl',
    'ftp://example.nl',
    'https://',
    'https://exa mple.nl',
    'javascript:alert(1)',
  ])('refuses the link %p', (link) => expect(isHttpUrl(link)).toBe(false));

  it('accepts only the toISOString() form of a time', () => {
    expect(isNormalisedIsoTime('2012-11-22T15:00:00.000Z')).toBe(true);
    expect(isNormalisedIsoTime('2012-11-22T15:00:00Z')).toBe(false);
    expect(isNormalisedIsoTime('2012-11-22T16:00:00.000+01:00')).toBe(false);
    expect(isNormalisedIsoTime('2012-13-22T15:00:00.000Z')).toBe(false);
  });

  it('takes the UTC calendar date of a normalised time', () => {
    expect(utcCalendarDate('2012-11-22T23:30:00.000Z')).toBe('2012-11-22');
  });

  it('lists each duplicate once', () => {
    expect(duplicatesOf(['a', 'b', 'a', 'c', 'a', 'b'])).toEqual(['a', 'b']);
  });

  it('compares names regardless of case and spacing', () => {
    expect(nameKey('  Jan   Jansen ')).toBe(nameKey('jan jansen'));
  });
});
