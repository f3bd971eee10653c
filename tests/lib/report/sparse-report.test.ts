import { afterEach, describe, expect, it } from 'vitest';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { renderMarkdown } from '../../../src/lib/report/render-markdown.ts';
import { renderText } from '../../../src/lib/report/render-text.ts';
import { fixtureDatabase } from '../metrics/contributions-fixture.ts';

describe('reports on sparse histories', () => {
  let db: NodeDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('reads sensibly with one unmapped commit', async () => {
    db = await fixtureDatabase([
      { time: '2017-12-31T23:59:59Z', email: 'x@unmapped.example', organisation: 'Unknown' },
    ]);
    const report = await buildWeatherReport(db, { asOf: '2018-01-01' }, { project: 'tiny' });
    expect(report.since).toBe('2008-01-01');
    expect(report.growth).toEqual({
      fromYear: 2014,
      toYear: 2017,
      cagr: null,
      meanYoY: null,
      byYear: [
        { year: 2015, growth: null },
        { year: 2016, growth: null },
        { year: 2017, growth: null },
      ],
    });
    expect(report.elephantFactorByYear.at(-1)).toEqual({ year: 2017, elephantFactor: null });
    expect(report.sentences).toEqual([
      'Commits cannot be given a yearly growth rate from 2014 to 2017: there were none in 2014 (1 commit in 2017).',
      'In 2017, there was 1 commit, against none in 2016.',
      'Too little history to project (none of the 12 needed).',
      'No mapped organisation made a commit since 2008; in the last 12 months no mapped organisation made a commit.',
      'Addresses no affiliation map covers (Unknown) made 100% of the commits since 2008 (1 of 1).',
      'No organisation contributed twice as much in the last 12 months as in previous years.',
      'No organisation made its first contribution in the last 24 months.',
      'No reviews (Reviewed-by or Acked-by trailers, GitHub reviews) were recorded since 2008.',
      "In 2017, 1 person contributed commits, 1 of them for the first time; Unknown made more than half of the year's commits.",
    ]);
    expect(renderText(report)).toContain(
      'Organisations since 2008-01-01 (1 commit)\n    Unknown  1  100.0%',
    );
    expect(renderMarkdown(report)).toContain('|  | Unknown | 1 | 100.0% |');
  });
});
