import { parseCliArgs, UsageError } from './cli-args';

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
