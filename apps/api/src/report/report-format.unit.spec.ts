import { formatChange, formatDate, formatNumber, monthLabel, trendLabel } from './report-format';

describe('Report formatting', () => {
  describe('trendLabel', () => {
    it('gives the change against the year before as a whole percentage', () => {
      expect(trendLabel('membersJoined', { current: 112, previous: 100, change: 12 }, 'nl')).toEqual({
        text: '+12%',
        direction: 'up',
        good: true,
      });
      expect(trendLabel('membersJoined', { current: 920, previous: 1000, change: -80 }, 'en').text).toBe(
        '−8%',
      );
    });

    it('says "nieuw" / "new" when the year before had none', () => {
      expect(trendLabel('partners', { current: 1, previous: 0, change: 1 }, 'nl').text).toBe('nieuw');
      expect(trendLabel('partners', { current: 1, previous: 0, change: 1 }, 'en').text).toBe('new');
    });

    it('says "gelijk" / "unchanged" when nothing changed, "eerste jaar" / "first year" without history', () => {
      expect(trendLabel('lessons', { current: 4, previous: 4, change: 0 }, 'nl').text).toBe('gelijk');
      expect(trendLabel('lessons', { current: 0, previous: 0, change: 0 }, 'en').text).toBe('unchanged');
      expect(trendLabel('lessons', { current: 4, previous: null, change: null }, 'nl').text).toBe(
        'eerste jaar',
      );
      expect(trendLabel('lessons', { current: 4, previous: null, change: null }, 'en').text).toBe(
        'first year',
      );
    });

    it('does not round a small change away, and writes the decimal the language’s way', () => {
      expect(trendLabel('events', { current: 1003, previous: 1000, change: 3 }, 'nl').text).toBe('+0,3%');
      expect(trendLabel('events', { current: 1003, previous: 1000, change: 3 }, 'en').text).toBe('+0.3%');
      expect(trendLabel('events', { current: 3400, previous: 100, change: 3300 }, 'nl').text).toBe('+3.300%');
    });

    it('counts more members leaving or more Doetanks stopping as bad news', () => {
      expect(trendLabel('membersLeft', { current: 200, previous: 100, change: 100 }, 'nl').good).toBe(false);
      expect(trendLabel('doetanksStopped', { current: 100, previous: 300, change: -200 }, 'nl').good).toBe(
        true,
      );
    });

    it('gives a change on small numbers as a count, uncoloured: no "+600%" for 4 to 28', () => {
      expect(trendLabel('lessons', { current: 28, previous: 4, change: 24 }, 'nl')).toEqual({
        text: '+24',
        direction: 'up',
        good: null,
      });
      expect(trendLabel('membersLeft', { current: 27, previous: 4, change: 23 }, 'en').good).toBeNull();
    });

    it('compares a year in progress with nothing: "tot nu toe" / "so far"', () => {
      const collapse = { current: 0, previous: 2456, change: -2456 };
      expect(trendLabel('membersJoined', collapse, 'nl', { inProgress: true })).toEqual({
        text: 'tot nu toe',
        direction: 'none',
        good: null,
      });
      expect(trendLabel('membersJoined', collapse, 'en', { inProgress: true }).text).toBe('so far');
    });
  });

  it('formats numbers, changes, dates and months per language', () => {
    expect(formatNumber(2950, 'nl')).toBe('2.950');
    expect(formatNumber(2950, 'en')).toBe('2,950');
    expect(formatChange(-3, 'nl')).toBe('−3');
    expect(formatChange(1200, 'en')).toBe('+1,200');
    expect(formatChange(0, 'en')).toBe('0');
    expect(formatDate('2012-11-22T16:00:00.000Z', 'nl')).toBe('22 november 2012');
    expect(formatDate('2012-11-22', 'en', 'short')).toBe('22 Nov 2012');
    expect(monthLabel('2012-03', 'nl')).toBe('mrt');
    expect(monthLabel('2012-03', 'en')).toBe('Mar');
  });
});
