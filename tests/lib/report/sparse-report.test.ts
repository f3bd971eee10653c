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
    // The defaults start at the first year with data: no empty years, no growth over years
    // before the data, and no sentence about them.
    expect(report.since).toBe('2017-01-01');
    expect(report.growth).toBeNull();
    expect(report.commitsByYear.map((r) => r.year)).toEqual([2017]);
    expect(report.elephantFactorByYear.at(-1)).toEqual({ year: 2017, elephantFactor: null });
    expect(report.sentences).toEqual([
      'In 2017, there was 1 commit.',
      'Too little history to project (none of the 12 needed).',
      'No mapped organisation made a commit since 2017; in the last 12 months no mapped organisation made a commit.',
      'Addresses no affiliation map covers (Unknown) made 100% of the commits since 2017 (1 of 1).',
      'No organisation contributed twice as much in the last 12 months as in previous years.',
      'No organisation made its first contribution in the last 24 months.',
      'No reviews (Reviewed-by or Acked-by trailers, GitHub reviews) were recorded since 2017.',
      "In 2017, 1 person contributed commits, 1 of them for the first time; Unknown made more than half of the year's commits.",
    ]);
    expect(renderText(report)).toContain(
      'Organisations since 2017-01-01 (1 commit)\n    Unknown  1  100.0%',
    );
    expect(renderMarkdown(report)).toContain('|  | Unknown | 1 | 100.0% |');
  });
});
