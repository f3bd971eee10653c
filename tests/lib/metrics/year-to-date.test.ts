import { describe, expect, it } from 'vitest';
import { yearToDate } from '../../../src/lib/metrics/year-to-date/year-to-date.ts';
import { fixtureDatabases, params } from './contributions-fixture.ts';

const at = (time: string) => ({ time, email: 'a@x.org', organisation: 'X' });

describe('year-to-date', () => {
  const openFixture = fixtureDatabases();

  it('compares [1 January, as-of) with the same span a year earlier', async () => {
    const db = await openFixture([
      at('2016-12-31T23:59:59Z'), // before both spans
      at('2017-01-01T00:00:00Z'),
      at('2017-05-31T23:59:59Z'),
      at('2017-06-01T00:00:00Z'), // after the previous span
      at('2018-01-01T00:00:00Z'),
      at('2018-02-01T00:00:00Z'),
      at('2018-05-31T00:00:00Z'),
      at('2018-06-01T00:00:00Z'), // the as-of day
    ]);
    expect(await yearToDate.run(db, params('2018-06-01'))).toEqual([
      {
        from: '2018-01-01',
        to: '2018-06-01',
        commits: 3,
        previousFrom: '2017-01-01',
        previousTo: '2017-06-01',
        previousCommits: 2,
        growth: 0.5,
      },
    ]);
  });

  it('maps 29 February to 1 March of the year before, and leap years keep their 29th', async () => {
    const db = await openFixture([
      at('2019-02-28T12:00:00Z'),
      at('2020-02-28T12:00:00Z'),
      at('2020-02-29T12:00:00Z'),
    ]);
    const [leap] = await yearToDate.run(db, params('2020-02-29'));
    expect(leap).toMatchObject({
      previousFrom: '2019-01-01',
      previousTo: '2019-03-01',
      commits: 1,
      previousCommits: 1,
      growth: 0,
    });
    const [march] = await yearToDate.run(db, params('2021-03-01'));
    expect(march).toMatchObject({
      from: '2021-01-01',
      previousTo: '2020-03-01',
      commits: 0,
      previousCommits: 2,
      growth: -1,
    });
  });

  it('on 1 January compares the whole last year with the one before; growth from zero is null', async () => {
    const db = await openFixture([at('2017-03-01T00:00:00Z')]);
    expect(await yearToDate.run(db, params('2018-01-01'))).toEqual([
      {
        from: '2017-01-01',
        to: '2018-01-01',
        commits: 1,
        previousFrom: '2016-01-01',
        previousTo: '2017-01-01',
        previousCommits: 0,
        growth: null,
      },
    ]);
  });
});
