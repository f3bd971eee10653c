import { describe, expect, it } from 'vitest';
import { commitsByYear } from '../../../src/lib/metrics/commits-by-year/commits-by-year.ts';
import { fixtureDatabases, params } from './contributions-fixture.ts';

describe('commits-by-year', () => {
  const openFixture = fixtureDatabases();

  it('counts commits per UTC year, half-open at the as-of day, with empty years as 0', async () => {
    const at = (time: string) => ({ time, email: 'a@x.org', organisation: 'X' });
    const db = await openFixture([
      at('2014-12-31T23:59:59Z'), // before since: not counted
      at('2015-01-01T00:00:00Z'), // first instant of 2015
      at('2015-12-31T23:59:59Z'),
      // 2016: nothing
      at('2017-01-01T00:00:00Z'),
      at('2017-05-31T23:59:59Z'), // last instant before as-of
      at('2017-06-01T00:00:00Z'), // the as-of day itself: excluded
    ]);
    const rows = await commitsByYear.run(db, params('2017-06-01', { since: '2015-01-01' }));
    expect(rows).toEqual([
      { year: 2015, commits: 2, partial: false },
      { year: 2016, commits: 0, partial: false },
      { year: 2017, commits: 2, partial: true },
    ]);
  });

  it('marks no year partial when as-of is 1 January, and a first year cut by since', async () => {
    const db = await openFixture([
      { time: '2016-03-01T00:00:00Z', email: 'a@x.org', organisation: 'X' },
      { time: '2016-07-01T00:00:00Z', email: 'a@x.org', organisation: 'X' },
      { time: '2018-01-01T00:00:00Z', email: 'a@x.org', organisation: 'X' },
    ]);
    const rows = await commitsByYear.run(db, params('2018-01-01', { since: '2016-06-15' }));
    expect(rows).toEqual([
      { year: 2016, commits: 1, partial: true },
      { year: 2017, commits: 0, partial: false },
    ]);
  });

  it('narrows to repositories and path prefixes, counting a commit in two repositories once', async () => {
    const db = await openFixture([
      {
        time: '2017-02-01T00:00:00Z',
        email: 'a@x.org',
        organisation: 'X',
        repositories: ['xen', 'mirror'],
        files: ['xen/arch/arm/x.c'],
      },
      {
        time: '2017-02-02T00:00:00Z',
        email: 'a@x.org',
        organisation: 'X',
        repositories: ['xen'],
        files: ['xen/arch/arm64/x.c'],
      },
      {
        time: '2017-02-03T00:00:00Z',
        email: 'a@x.org',
        organisation: 'X',
        repositories: ['other'],
        files: ['xen/arch/arm'],
      },
      {
        time: '2017-02-04T00:00:00Z',
        email: 'a@x.org',
        organisation: 'X',
        repositories: ['xen'],
        renames: [['xen/arch/arm/old.c', 'docs/old.c']],
      },
    ]);
    const run = async (repositories: string[], paths: string[]) =>
      (
        await commitsByYear.run(
          db!,
          params('2018-01-01', { since: '2017-01-01', repositories, paths }),
        )
      )[0]!.commits;
    expect(await run([], [])).toBe(4);
    expect(await run(['xen'], [])).toBe(3); // the first commit's row names 'mirror', yet xen holds it
    expect(await run(['mirror'], [])).toBe(1);
    expect(await run([], ['xen/arch/arm'])).toBe(3); // the file itself, a file under it, a rename from under it
    expect(await run([], ['xen/arch/arm/'])).toBe(3); // a trailing slash changes nothing
    expect(await run(['xen'], ['xen/arch/arm'])).toBe(2);
    expect(await run(['nowhere'], [])).toBe(0);
  });
});
