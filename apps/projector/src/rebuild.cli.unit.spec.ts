import { ALL_PROJECTIONS } from '@app/projections';
import { parseRebuildArgs } from './rebuild.cli';

describe('npm run projections:rebuild', () => {
  it('takes a projection or all, and --jobs in either form (never more lanes than projections)', () => {
    expect(parseRebuildArgs(['timeline'])).toEqual({
      projections: [ALL_PROJECTIONS.find((p) => p.name === 'timeline')],
      jobs: 1,
    });
    expect(parseRebuildArgs(['--jobs', '2', 'all'])).toEqual({ projections: [...ALL_PROJECTIONS], jobs: 2 });
    expect(parseRebuildArgs(['all', '--jobs=3'])).toMatchObject({ jobs: 3 });
    expect(parseRebuildArgs(['timeline', '--jobs', '4'])).toMatchObject({ jobs: 1 });
    expect(parseRebuildArgs(['-h'])).toMatchObject({ exit: 0 });
  });

  it.each([
    [[], /^Usage/],
    [['all', 'timeline'], /^Usage/],
    [['nope'], /^Unknown projection "nope"/],
    [['all', '--fast'], /^Usage/],
    [['all', '--jobs'], /^--jobs takes a number from 1 to 16, not ""/],
    [['all', '--jobs', '17'], /^--jobs takes a number from 1 to 16, not "17"/],
    [['all', '--jobs', 'two'], /^--jobs takes a number from 1 to 16, not "two"/],
  ])('refuses %j with exit code 2', (args, message) => {
    const parsed = parseRebuildArgs(args);
    expect(parsed).toMatchObject({ exit: 2 });
    expect('message' in parsed && parsed.message).toMatch(message);
  });
});
