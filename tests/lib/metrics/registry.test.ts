import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { parametersOf } from '../../../src/lib/metrics/compose-metric-sql.ts';
import { THEMES } from '../../../src/charts/palette.ts';
import { renderStandaloneSvg } from '../../../src/cli/figures/standalone-svg.ts';
import { dashboardPanels } from '../../../src/dashboard/data/dashboard-panels.ts';
import {
  findMetric,
  metrics,
  organisationMetrics,
  type WeatherFigures,
} from '../../../src/lib/metrics/registry.ts';
import type { Registry } from '../../../src/lib/metrics/report-metric.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { renderCsv } from '../../../src/lib/report/render-csv.ts';
import { renderJson } from '../../../src/lib/report/render-json.ts';
import { reportFigures } from '../../../src/lib/report/report-figures.ts';
import { generatedProject } from '../report/generated-project.ts';
import { fixtureDatabase, params } from './contributions-fixture.ts';
import { reviewersByYear, type ReviewersFields } from './reviewers-by-year/reviewers-by-year.ts';

describe('metric registry', () => {
  let empty: NodeDatabase;
  let some: NodeDatabase;
  beforeAll(async () => {
    empty = await fixtureDatabase([]);
    some = await fixtureDatabase([
      {
        time: '2016-05-01T10:00:00Z',
        email: 'a@x.org',
        organisation: 'X',
        reviews: [{ email: 'b@y.org', organisation: 'Y' }],
      },
      { time: '2017-05-01T10:00:00Z', email: 'c@unmapped.net', organisation: 'Unknown' },
    ]);
  });
  afterAll(async () => {
    await empty.close();
    await some.close();
  });

  it('has unique kebab-case names and only known parameters', () => {
    const all = [...metrics, ...organisationMetrics];
    expect(new Set(all.map((m) => m.name)).size).toBe(all.length);
    for (const metric of all) {
      expect(metric.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(findMetric(metric.name)).toBe(metric);
      for (const name of parametersOf(metric.sql)) {
        expect([
          'as_of',
          'since',
          'top',
          'growth_since',
          'repositories',
          'paths',
          'areas',
          'organisation',
          'lists',
        ]).toContain(name);
      }
    }
  });

  it('runs every metric on an empty database and on a small one, twice the same', async () => {
    for (const metric of [...metrics, ...organisationMetrics]) {
      const p = params('2018-01-01', { since: '2015-01-01', organisation: 'X' });
      await expect(metric.run(empty, p), metric.name).resolves.toBeInstanceOf(Array);
      const first = await metric.run(some, p);
      expect(await metric.run(some, p), metric.name).toEqual(first);
    }
  });
});

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

    // Its CSV, named after its figure, with the columns it declares, after the lines that say
    // where it came from (its figure's title, subtitle and source line).
    const csv = renderCsv(report, registry, { source: 'xen.git' })['reviewers-by-year.csv'];
    expect(csv).toBe(
      '# Reviewers per year\r\n# xen · 1 January 2011 – 31 May 2018\r\n' +
        '"# Source: xen.git, as of 1 June 2018"\r\n' +
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
