import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import CommitsByYearChart from '../../src/charts/CommitsByYearChart.svelte';
import OrganisationsOverTimeChart from '../../src/charts/OrganisationsOverTimeChart.svelte';
import TopOrganisationsChart from '../../src/charts/TopOrganisationsChart.svelte';
import Last12MonthsChart from '../../src/charts/Last12MonthsChart.svelte';
import ReviewsAgainstCommitsChart from '../../src/charts/ReviewsAgainstCommitsChart.svelte';
import NewcomersChart from '../../src/charts/NewcomersChart.svelte';
import YearSeriesChart from '../../src/charts/YearSeriesChart.svelte';
import YearLinesChart from '../../src/charts/YearLinesChart.svelte';
import MatrixChart from '../../src/charts/MatrixChart.svelte';
import { reportFigures } from '../../src/lib/report/report-figures.ts';
import { stackYears } from '../../src/charts/stack.ts';
import { renderChart, renderFigure } from './render.ts';
import { sampleReport } from './sample-report.ts';

const size = { width: 640, height: 400 };
const HOSTILE = `<img src=x onerror=alert(1)> & "quotes" 'single' ]]> ${'An extremely long organisation name that goes on '.repeat(4)}`;

/** Text of every <text> element, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] ?? ''));
}
function titles(svg: string): string[] {
  return [...svg.matchAll(/<title[^>]*>([^<]*)<\/title>/g)].map((m) => decode(m[1] ?? ''));
}
function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
/** Parsed by resvg's strict XML reader: throws on malformed markup. */
function wellFormed(svg: string): void {
  expect(new Resvg(svg).width).toBeGreaterThan(0);
}

describe('empty and odd data', () => {
  const empties: Array<[string, string]> = [
    ['commits by year', renderChart(CommitsByYearChart, { ...size, rows: [] })],
    ['organisations over time', renderChart(OrganisationsOverTimeChart, { ...size, rows: [] })],
    ['top organisations', renderChart(TopOrganisationsChart, { ...size, rows: [] })],
    ['last 12 months', renderChart(Last12MonthsChart, { ...size, rows: [] })],
    ['reviews against commits', renderChart(ReviewsAgainstCommitsChart, { ...size, rows: [] })],
    ['newcomers', renderChart(NewcomersChart, { ...size, recent: [], rising: [] })],
    ['year series', renderChart(YearSeriesChart, { ...size, rows: [], unit: 'contributors' })],
    ['year lines', renderChart(YearLinesChart, { ...size, rows: [], unit: 'hours' })],
    [
      'matrix',
      renderChart(MatrixChart, {
        ...size,
        cells: [],
        unit: 'reviews',
        rowLabel: 'reviewer',
        columnLabel: 'author',
      }),
    ],
  ];
  for (const [name, svg] of empties) {
    it(`${name}: no rows draws the designed empty state`, () => {
      wellFormed(svg);
      expect(svg).toContain('data-empty="true"');
      expect(svg).not.toContain('class="bm-mark"');
      expect(texts(svg).some((t) => t.startsWith('No '))).toBe(true);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    });
  }

  it('a project with a single commit draws one bar and one organisation', () => {
    const rows = [{ year: 2018, value: 1, partial: true }];
    const bars = renderChart(CommitsByYearChart, { ...size, rows });
    wellFormed(bars);
    expect(bars.match(/class="bm-mark"/g)).toHaveLength(1);
    expect(titles(bars)).toContain('2018 (partial): 1 commit');
    const top = renderChart(TopOrganisationsChart, {
      ...size,
      rows: [{ name: 'Solo', value: 1, share: 1 }],
    });
    expect(titles(top)).toContain('1. Solo: 1 commit, 100% of all');
    const stack = renderChart(OrganisationsOverTimeChart, {
      ...size,
      rows: [{ year: 2018, name: 'Unknown', value: 1 }],
    });
    wellFormed(stack);
    expect(stack).toContain('data-organisation="Unknown"');
    for (const svg of [bars, top, stack]) expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('a year with no commits is drawn as an empty slot, not skipped', () => {
    const data = stackYears(
      [
        { year: 2014, name: 'A', value: 3 },
        { year: 2016, name: 'A', value: 5 },
      ],
      6,
    );
    expect(data.years).toEqual([2014, 2015, 2016]);
    expect(data.totals).toEqual([3, 0, 5]);
    const svg = renderChart(OrganisationsOverTimeChart, {
      ...size,
      rows: [
        { year: 2014, name: 'A', value: 3 },
        { year: 2016, name: 'A', value: 5 },
      ],
    });
    expect(svg).toContain('data-year="2015" data-total="0"');
    const bars = renderChart(CommitsByYearChart, {
      ...size,
      rows: [
        { year: 2014, value: 10, partial: false },
        { year: 2015, value: 0, partial: false },
        { year: 2016, value: 12, partial: false },
      ],
    });
    // No change against a year with none: the label is left out, not "+Infinity%".
    expect(titles(bars)).toEqual(
      expect.arrayContaining(['2015: 0 commits, −100% on 2014', '2016: 12 commits']),
    );
    expect(bars).not.toMatch(/NaN|Infinity/);
  });

  it('every figure of a report with nothing in it renders its empty state', () => {
    const report = sampleReport();
    const empty = {
      ...report,
      commitsByYear: [],
      organisationsByYear: [],
      topOrganisations: [],
      totalCommits: 0,
      unknown: { commits: 0, share: 0 },
      last12Months: {
        ...report.last12Months,
        commits: 0,
        organisations: [],
        unknown: { commits: 0, share: 0 },
      },
      reviewsAgainstCommits: [],
      newcomers: [],
      risers: [],
      activeContributorsByYear: [],
      newContributorsByYear: [],
      elephantFactorByYear: [],
      pullRequestsByOrganisation: [],
      pullRequestsTimeToFirstReview: [],
      projectionByMonth: report.projectionByMonth.map((m) => ({
        ...m,
        commits: 0,
        contributors: 0,
      })),
      subprojects: [],
      reviewMatrix: [],
      crossOrganisationShareByYear: [],
      reviewBandwidth: [],
      reviewsByArea: [],
      codeSize: [],
      linesByArea: [],
      reviewFlowByPeriod: [],
      mailReviewsByOrganisation: [],
      mailReviewersByYear: [],
    };
    for (const spec of reportFigures(empty)) {
      const svg = renderFigure(spec, { width: 1200, height: 675 });
      wellFormed(svg);
      expect([spec.name, svg.includes('data-empty="true"')]).toEqual([spec.name, true]);
    }
  });
});

describe('hostile strings', () => {
  const report = sampleReport({ rename: { Citrix: HOSTILE, SUSE: 'A & B "Ltd"', AMD: ']]>' } });
  const specs = reportFigures(report, { source: '<script>x</script>' });
  const size = { width: 1200, height: 675 };
  const named = (name: string) =>
    renderFigure(
      specs.find((s) => s.name === name)!,
      size,
    );
  /** The charts that name organisations. */
  const naming = new Set(['year-stack', 'ranked-bars', 'share-bar', 'paired-bars']);

  for (const spec of specs) {
    it(`${spec.name} shows them as text only`, () => {
      const svg = renderFigure(spec, size);
      wellFormed(svg);
      expect(svg).not.toMatch(/<img|<script|alert\(1\)>/);
      expect(svg).not.toContain(']]>');
      // Full names stay in the hover titles.
      if (naming.has(spec.chart.chart)) {
        expect(titles(svg).some((t) => t.includes(HOSTILE))).toBe(true);
      }
    });
  }

  it('a matrix and lines show them as text only, cut in labels and whole in titles', () => {
    const matrix = renderChart(MatrixChart, {
      ...size,
      cells: [
        { row: HOSTILE, column: ']]>', value: 3 },
        { row: 'A & B "Ltd"', column: HOSTILE, value: 1 },
      ],
      unit: 'reviews',
      rowLabel: 'reviewer',
      columnLabel: 'author',
    });
    const lines = renderChart(YearLinesChart, {
      ...size,
      rows: [
        { year: 2017, name: HOSTILE, value: 2 },
        { year: 2018, name: HOSTILE, value: 3 },
        { year: 2018, name: ']]>', value: 1 },
      ],
      unit: 'hours',
    });
    for (const svg of [matrix, lines]) {
      wellFormed(svg);
      expect(svg).not.toMatch(/<img|<script|alert\(1\)>/);
      expect(svg).not.toContain(']]>');
      expect(titles(svg).some((t) => t.includes(HOSTILE))).toBe(true);
      expect(texts(svg).some((t) => t.startsWith('<img src=x') && t.endsWith('…'))).toBe(true);
    }
  });

  it('an extremely long name is cut with an ellipsis in labels but full in <title>', () => {
    const svg = named('top-organisations');
    const label = texts(svg).find((t) => t.startsWith('<img src=x'));
    expect(label).toBeDefined();
    expect(label!.endsWith('…')).toBe(true);
    expect(label!.length).toBeLessThan(HOSTILE.length);
    expect(titles(svg)).toContain(`1. ${HOSTILE}: 7,760 commits, 33% of all`);
    expect(svg).toContain('data-organisation="&lt;img src=x onerror=alert(1)&gt;');
  });

  it('the source line and the quotes in names are escaped', () => {
    const svg = named('commits-by-year');
    expect(texts(svg)).toContain('Source: <script>x</script>, as of 1 June 2018');
    const top = named('top-organisations');
    expect(top).toContain('data-organisation="A &amp; B &quot;Ltd&quot;"');
  });
});
