import { nameKeys, PREFIX_END, searchKey } from './name-keys';

describe('name keys (the typeahead)', () => {
  it('folds a name and keeps each tail that starts at a word', () => {
    expect(nameKeys('Jan de Boer')).toEqual(['jan de boer', 'de boer', 'boer']);
    expect(nameKeys('Fátima  El-Amrani')).toEqual(['fatima el amrani', 'el amrani', 'amrani']);
    expect(nameKeys('Hüseyin Doğan')).toEqual(['huseyin dogan', 'dogan']);
    expect(nameKeys(null)).toEqual([]);
    expect(nameKeys(' - ')).toEqual([]);
  });

  it('finds a name by the prefix of one of its keys, as the read store compares strings', () => {
    const keys = nameKeys('Jan de Boer');
    const finds = (typed: string) => {
      const from = searchKey(typed);
      return keys.some((key) => key >= from && key < from + PREFIX_END);
    };
    for (const typed of ['jan', 'Jan d', 'BOE', 'de bo', 'jan de boer']) expect(finds(typed)).toBe(true);
    for (const typed of ['oer', 'jan boer', 'boeren']) expect(finds(typed)).toBe(false);
  });

  it('keeps at most eight words and bounded keys', () => {
    const keys = nameKeys(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '));
    expect(keys).toHaveLength(8);
    expect(nameKeys('x'.repeat(500))[0]).toHaveLength(200);
  });
});
