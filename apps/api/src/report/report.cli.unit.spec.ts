import { parseReportArgs } from './report.cli';

describe('npm run report', () => {
  it('takes a year, with html in Dutch to standard output by default', () => {
    expect(parseReportArgs(['2012'])).toEqual({ year: 2012, format: 'html', lang: 'nl' });
  });

  it('takes a format, a language and an output file, in any order and as --name=value', () => {
    expect(parseReportArgs(['--format', 'md', '2013', '--out=out/r.md', '--lang', 'en'])).toEqual({
      year: 2013,
      format: 'md',
      lang: 'en',
      out: 'out/r.md',
    });
    expect(parseReportArgs(['2012', '--format=json']).format).toBe('json');
    expect(parseReportArgs(['2012', '--format=pdf']).format).toBe('pdf');
  });

  it.each([
    [[], /Which year/],
    [['12'], /year must be from 2000 to 2100, not "12"/],
    [['2012', '2013'], /One year at a time/],
    [['2012', '--format', 'docx'], /--format must be html, md, json or pdf, not "docx"/],
    [['2012', '--lang', 'de'], /--lang must be nl or en/],
    [['2012', '--out'], /--out needs a value/],
    [['2012', '--pages', '3'], /Unknown option --pages/],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => parseReportArgs(args)).toThrow(message);
  });
});
