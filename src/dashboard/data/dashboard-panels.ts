/**
 * The dashboard's panels for one view: the weather report's figures (the very specs the command
 * line exports, via `reportFigures`), switched to reviews when the view asks, plus the per-year
 * series, each with its sentences, a description of what it counts and the CSV of its rows.
 */
import type { Component } from 'svelte';
import {
  reportFigures,
  periodSubtitle,
  rankOrganisations,
  YearSeriesChart,
  type FigureSpec,
} from '../../charts/index.ts';
import { activeContributorsByYear } from '../../lib/metrics/active-contributors-by-year/active-contributors-by-year.ts';
import { commitsByYear } from '../../lib/metrics/commits-by-year/commits-by-year.ts';
import { elephantFactorByYear } from '../../lib/metrics/elephant-factor-by-year/elephant-factor-by-year.ts';
import { last12Months } from '../../lib/metrics/last-12-months/last-12-months.ts';
import { newContributorsByYear } from '../../lib/metrics/new-contributors-by-year/new-contributors-by-year.ts';
import { newcomers } from '../../lib/metrics/newcomers/newcomers.ts';
import { organisationsByYear } from '../../lib/metrics/organisations-by-year/organisations-by-year.ts';
import { reviewsAgainstCommits } from '../../lib/metrics/reviews-against-commits/reviews-against-commits.ts';
import { reviewsByOrganisation } from '../../lib/metrics/reviews-by-organisation/reviews-by-organisation.ts';
import { risers } from '../../lib/metrics/risers/risers.ts';
import { topOrganisations } from '../../lib/metrics/top-organisations/top-organisations.ts';
import { csvTable, renderCsv } from '../../lib/report/render-csv.ts';
import { reportSentences } from '../../lib/report/report-sentences.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { DashboardState } from '../state/dashboard-state.ts';

/** The size figures are downloaded at: the command line's default (`--size blog`), px. */
export const DOWNLOAD_SIZE = { width: 1200, height: 675 } as const;

/** One panel: a chart with its words and its data. */
export interface Panel {
  /** Stable id: the figure's name (`commits-by-year`), also the download file name. */
  name: string;
  title: string;
  /** The report's sentences this chart supports. */
  sentences: string[];
  /** What the chart counts, in a sentence or two. */
  description: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: Component<any>;
  /** Every prop but width and height (the panel sets those). */
  props: Record<string, unknown>;
  /** CSV of the rows drawn. */
  csv: string;
}

/** Options for {@link dashboardPanels}. */
export interface PanelOptions {
  colours: Readonly<Record<string, string>>;
  /** What the data came from, for the source line. */
  source: string;
}

function fromSpec(spec: FigureSpec, description: string, csv: string): Panel {
  return {
    name: spec.name,
    title: spec.title,
    sentences: [],
    description,
    component: spec.component,
    props: spec.props,
    csv,
  };
}

/** Reviews per year over the years of the commit series (same partial flags), 0 where none. */
function reviewsPerYear(report: WeatherReport) {
  const totals = new Map<number, number>();
  for (const row of report.reviewsByOrganisation) {
    totals.set(row.year, (totals.get(row.year) ?? 0) + row.reviews);
  }
  return report.commitsByYear.map((row) => ({
    year: row.year,
    commits: totals.get(row.year) ?? 0,
    partial: row.partial,
  }));
}

/** Organisations ranked by reviews in [since, asOf), with their share of all reviews. */
function reviewShares(report: WeatherReport) {
  const all = report.reviewsAgainstCommits.reduce((sum, r) => sum + r.reviews, 0);
  const share = (n: number) => (all > 0 ? n / all : 0);
  const ranked = report.reviewsAgainstCommits
    .filter((r) => r.organisation !== 'Unknown' && r.reviews > 0)
    .sort(
      (a, b) =>
        b.reviews - a.reviews ||
        (a.organisation < b.organisation ? -1 : a.organisation > b.organisation ? 1 : 0),
    )
    .map((r) => ({ organisation: r.organisation, commits: r.reviews, share: share(r.reviews) }));
  const unknown = report.reviewsAgainstCommits.find((r) => r.organisation === 'Unknown');
  return {
    ranked,
    unknown: { commits: unknown?.reviews ?? 0, share: share(unknown?.reviews ?? 0) },
  };
}

/** Every panel of the overview for `report` as `state` asks to see it. */
export function dashboardPanels(
  report: WeatherReport,
  state: DashboardState,
  options: PanelOptions,
): Panel[] {
  const specs = reportFigures(report, {
    ...DOWNLOAD_SIZE,
    colours: options.colours,
    source: options.source,
  });
  const csv = renderCsv(report);
  const spec = (name: string) => specs.find((s) => s.name === name)!;
  const reviews = state.kind === 'reviews';
  const panels: Panel[] = [];

  const byYear = spec('commits-by-year');
  if (reviews) {
    const rows = reviewsPerYear(report);
    panels.push({
      ...fromSpec(
        byYear,
        'Reviews (Reviewed-by and Acked-by trailers of counted commits, and GitHub reviews) per calendar year from since to the as-of date; the last year is partial unless as-of is 1 January.',
        csvTable(
          ['year', 'reviews', 'partial'],
          rows.map((r) => [r.year, r.commits, r.partial]),
        ),
      ),
      title: 'Reviews per year',
      props: {
        ...byYear.props,
        title: 'Reviews per year',
        rows,
        unit: 'reviews',
        yearToDate: null,
        note: rows.some((r) => r.partial)
          ? `* ${rows.find((r) => r.partial)!.year} is partial.`
          : undefined,
      },
    });
  } else {
    panels.push(fromSpec(byYear, commitsByYear.description, csv['commits-by-year.csv']!));
  }

  const overTime = spec('organisations-over-time');
  if (reviews) {
    const rows = report.reviewsByOrganisation.map((r) => ({
      year: r.year,
      organisation: r.organisation,
      commits: r.reviews,
    }));
    const title = `Reviews by organisation: the top ${report.top} and the rest`;
    panels.push({
      ...fromSpec(
        overTime,
        reviewsByOrganisation.description,
        csv['reviews-by-organisation.csv']!,
      ),
      title,
      props: {
        ...overTime.props,
        title,
        rows,
        ranking: rankOrganisations(rows),
        unit: 'reviews',
        mode: state.mode,
      },
    });
  } else {
    panels.push({
      ...fromSpec(overTime, organisationsByYear.description, csv['organisations-over-time.csv']!),
      props: { ...overTime.props, mode: state.mode },
    });
  }

  const top = spec('top-organisations');
  if (reviews) {
    const { ranked, unknown } = reviewShares(report);
    const title = `Top reviewing organisations since ${report.since.slice(0, 4)}`;
    panels.push({
      ...fromSpec(
        top,
        'Organisations ranked by their reviews from since to the as-of date, with their share of all reviews (Unknown is not ranked but counts in the total).',
        csvTable(
          ['rank', 'organisation', 'reviews', 'share'],
          [
            ...ranked.map((r, i) => [i + 1, r.organisation, r.commits, r.share]),
            ...(unknown.commits > 0 ? [[null, 'Unknown', unknown.commits, unknown.share]] : []),
          ],
        ),
      ),
      title,
      props: { ...top.props, title, rows: ranked, unknown, unit: 'reviews' },
    });
  } else {
    panels.push(fromSpec(top, topOrganisations.description, csv['top-organisations.csv']!));
  }

  panels.push(
    fromSpec(
      spec('last-12-months'),
      `${last12Months.description}${reviews ? ' (Commits: this chart does not switch to reviews.)' : ''}`,
      csv['last-12-months.csv']!,
    ),
  );
  panels.push(
    fromSpec(
      spec('reviews-against-commits'),
      reviewsAgainstCommits.description,
      csv['reviews-against-commits.csv']!,
    ),
  );
  panels.push(
    fromSpec(
      spec('newcomers'),
      `${newcomers.description} ${risers.description}`,
      csvTable(
        [
          'list',
          'organisation',
          'first_contribution',
          'commits',
          'reviews',
          'last_12_months',
          'yearly_average_before',
          'ratio',
        ],
        [
          ...report.newcomers.map((r) => [
            'newcomer',
            r.organisation,
            r.firstContribution,
            r.commits,
            r.reviews,
            null,
            null,
            null,
          ]),
          ...report.risers.map((r) => [
            'riser',
            r.organisation,
            null,
            null,
            null,
            r.last12Months,
            r.yearlyAverageBefore,
            r.ratio,
          ]),
        ],
      ),
    ),
  );

  const partialYear = report.commitsByYear.find((r) => r.partial)?.year ?? null;
  const series = (
    name: string,
    title: string,
    unit: string,
    rows: Array<{ year: number; value: number | null }>,
    description: string,
    csvText: string,
    showChange = true,
  ): Panel => ({
    name,
    title,
    sentences: [],
    description,
    component: YearSeriesChart,
    props: {
      title,
      subtitle: periodSubtitle(report.project, report.since, report.asOf),
      source: byYear.props.source,
      rows,
      unit,
      partialYear,
      showChange,
      figure: name,
    },
    csv: csvText,
  });
  panels.push(
    series(
      'active-contributors-by-year',
      'Active contributors per year',
      'active contributors',
      report.activeContributorsByYear.map((r) => ({ year: r.year, value: r.contributors })),
      activeContributorsByYear.description,
      csv['active-contributors-by-year.csv']!,
    ),
    series(
      'new-contributors-by-year',
      'New contributors per year',
      'new contributors',
      report.newContributorsByYear.map((r) => ({ year: r.year, value: r.contributors })),
      newContributorsByYear.description,
      csv['new-contributors-by-year.csv']!,
    ),
    series(
      'elephant-factor-by-year',
      'Elephant factor per year',
      'organisations',
      report.elephantFactorByYear.map((r) => ({ year: r.year, value: r.elephantFactor })),
      elephantFactorByYear.description,
      csv['elephant-factor-by-year.csv']!,
      false,
    ),
  );

  // Each sentence goes beside the first chart it speaks of; those naming none (people, the
  // elephant factor) beside the contributors chart.
  for (const sentence of reportSentences(report)) {
    const target =
      panels.find((p) => sentence.figures.includes(p.name as never)) ??
      panels.find((p) => p.name === 'active-contributors-by-year')!;
    target.sentences.push(sentence.text);
  }
  return panels;
}
