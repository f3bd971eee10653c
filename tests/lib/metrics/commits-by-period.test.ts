import { describe, expect, it } from 'vitest';
import { commitsByMonth } from '../../../src/lib/metrics/commits-by-month/commits-by-month.ts';
import { commitsByQuarter } from '../../../src/lib/metrics/commits-by-quarter/commits-by-quarter.ts';
import { fixtureDatabases, params } from './contributions-fixture.ts';

const at = (time: string) => ({ time, email: 'a@x.org', organisation: 'X' });

describe('commits-by-quarter and commits-by-month', () => {
  const openFixture = fixtureDatabases();

  it('cuts periods at UTC boundaries and flags the partial last one', async () => {
    const db = await openFixture([
      at('2017-09-30T23:59:59Z'),
      at('2017-10-01T00:00:00Z'),
      at('2017-12-31T23:59:59Z'),
      at('2018-02-14T00:00:00Z'),
      at('2018-02-15T00:00:00Z'), // the as-of day: excluded
    ]);
    const p = params('2018-02-15', { since: '2017-09-01' });
    expect(await commitsByQuarter.run(db, p)).toEqual([
      { quarter: '2017-Q3', commits: 1, partial: true }, // cut by since (1 September)
      { quarter: '2017-Q4', commits: 2, partial: false },
      { quarter: '2018-Q1', commits: 1, partial: true },
    ]);
    expect(await commitsByMonth.run(db, p)).toEqual([
      { month: '2017-09', commits: 1, partial: false },
      { month: '2017-10', commits: 1, partial: false },
      { month: '2017-11', commits: 0, partial: false },
      { month: '2017-12', commits: 1, partial: false },
      { month: '2018-01', commits: 0, partial: false },
      { month: '2018-02', commits: 1, partial: true },
    ]);
  });

  it('has no partial period when as-of starts a quarter', async () => {
    const db = await openFixture([at('2018-03-31T12:00:00Z')]);
    const rows = await commitsByQuarter.run(db, params('2018-04-01', { since: '2018-01-01' }));
    expect(rows).toEqual([{ quarter: '2018-Q1', commits: 1, partial: false }]);
  });
});
