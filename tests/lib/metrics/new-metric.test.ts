import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES } from '../../../src/charts/palette.ts';
import { renderStandaloneSvg } from '../../../src/cli/figures/standalone-svg.ts';
import { dashboardPanels } from '../../../src/dashboard/data/dashboard-panels.ts';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { metrics, type WeatherFigures } from '../../../src/lib/metrics/registry.ts';
import type { Registry } from '../../../src/lib/metrics/report-metric.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { renderCsv } from '../../../src/lib/report/render-csv.ts';
import { renderJson } from '../../../src/lib/report/render-json.ts';
import { reportFigures } from '../../../src/lib/report/report-figures.ts';
import { generatedProject } from '../report/generated-project.ts';
import { fixtureDatabase } from './contributions-fixture.ts';
import { reviewersByYear, type ReviewersFields } from './reviewers-by-year/reviewers-by-year.ts';

// The one line a new metric adds to the registry (here to a copy of it, so its type is spelled
// out; in registry.ts the report's type follows from the list).
const registry: Registry<WeatherFigures & ReviewersFields> = [...metrics, reviewersByYear];

describe('a metric added as one folder and one registry line', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    const { commits, githubReviews } = generatedProject();
    db = await fixtureDatabase(commits, githubReviews);
  });
  afterAll(async () => {
    await db.close();
  });

  it('reaches weather.json, its CSV, a dashboard panel and an exported figure', async () => {
    const report = await buildWeatherReport(
      db,
      { since: '2011-01-01' },
      { project: 'xen', clock: () => new Date('2018-06-01T00:00:00Z'), registry },
    );
    const expected = await db.query<{ year: number; reviewers: number }>(
      `SELECT CAST(year(time) AS INTEGER) AS year, CAST(count(DISTINCT person) AS INTEGER) AS reviewers
       FROM contributions WHERE kind = 'review' AND time >= DATE '2011-01-01' AND time < DATE '2018-06-01'
       GROUP BY 1 ORDER BY 1`,
    );
    expect(expected.length).toBe(8);

    // weather.json: its field, after every other metric's.
    const json = JSON.parse(renderJson(report)) as Record<string, unknown>;
    expect(json.reviewersByYear).toEqual(expected);
    expect(Object.keys(json).slice(-2)).toEqual(['reviewersByYear', 'sentences']);

    // Its CSV, named after its figure, with the columns it declares.
    const csv = renderCsv(report, registry)['reviewers-by-year.csv'];
    expect(csv).toBe(
      `year,reviewers\r\n${expected.map((r) => `${r.year},${r.reviewers}\r\n`).join('')}`,
    );

    // A dashboard panel with the same title, description and CSV.
    const panels = dashboardPanels(
      report,
      { kind: 'commits', mode: 'counts' },
      { colours: {}, source: 'xen.git' },
      registry,
    );
    const panel = panels.find((p) => p.name === 'reviewers-by-year');
    expect(panel).toMatchObject({
      title: 'Reviewers per year',
      description: reviewersByYear.description,
      csv,
    });

    // The figure `report --figures` writes, drawn from its rows.
    const spec = reportFigures(report, { source: 'xen.git' }, registry).at(-1)!;
    expect(spec.name).toBe('reviewers-by-year');
    expect(panel!.figure).toEqual(spec);
    const svg = await renderStandaloneSvg(spec, { width: 1200, height: 675 }, THEMES.light, {
      inlineFont: false,
    });
    expect(svg).toContain('data-figure="reviewers-by-year"');
    const bars = [...svg.matchAll(/data-year="(\d+)" data-value="(\d+)"/g)].map((m) => ({
      year: Number(m[1]),
      reviewers: Number(m[2]),
    }));
    expect(bars).toEqual(expected);
  });
});
