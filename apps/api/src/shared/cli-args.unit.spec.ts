import { optionsOrExit, parseCliArgs, UsageError } from './cli-args';

const OPTIONS = {
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('parseCliArgs', () => {
  it('reads options in both forms, anywhere between the positionals', () => {
    expect(parseCliArgs(['a', '--out', 'x.md', '--dry-run', 'b'], OPTIONS)).toEqual({
      values: { out: 'x.md', 'dry-run': true },
      positionals: ['a', 'b'],
    });
    expect(parseCliArgs(['--out=x.md', '-h'], OPTIONS).values).toEqual({ out: 'x.md', help: true });
  });

  it.each([
    [['--pages', '3'], 'Unknown option --pages.'],
    [['-x'], 'Unknown option -x.'],
    [['--out'], '--out needs a value.'],
    [['--out='], '--out needs a value.'],
    [['--out', '--dry-run'], '--out needs a value.'],
    [['--dry-run=yes'], '--dry-run takes no value.'],
  ])('refuses %j: %s', (args, message) => {
    const attempt = () => parseCliArgs(args, OPTIONS);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });
});

describe('optionsOrExit', () => {
  const run = (args: string[]) => {
    const printed: string[] = [];
    const result = optionsOrExit(
      args,
      'Usage: cli <year>',
      (given) => {
        if (given[0] === 'boom') throw new Error('not a usage error');
        if (given.length !== 1) throw new UsageError('Say one year.');
        return { year: Number(given[0]) };
      },
      { out: (text) => printed.push(`out: ${text}`), err: (text) => printed.push(`err: ${text}`) },
    );
    return { result, printed };
  };

  it('answers the options the parser reads, printing nothing', () => {
    expect(run(['2013'])).toEqual({ result: { options: { year: 2013 } }, printed: [] });
  });

  it('prints the usage for --help or -h and ends with 0, before reading anything else', () => {
    for (const help of [['--help'], ['2013', '-h', 'extra']]) {
      expect(run(help)).toEqual({ result: { exit: 0 }, printed: ['out: Usage: cli <year>'] });
    }
  });

  it('prints a usage error with the usage and ends with 2; other errors are thrown', () => {
    expect(run([])).toEqual({
      result: { exit: 2 },
      printed: ['err: Say one year.\n\nUsage: cli <year>'],
    });
    expect(() => run(['boom'])).toThrow('not a usage error');
  });
});
