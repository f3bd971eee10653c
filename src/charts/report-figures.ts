/**
 * The figures of a weather report: which chart draws each, with which rows, title, subtitle and
 * source line. Pure, so the CLI export and the dashboard's "download" buttons draw the same picture.
 */
import type { Component } from 'svelte';
import type { FigureName } from '../lib/report/figure-name.ts';
import type { WeatherReport } from '../lib/report/weather-report.ts';
import CommitsByYearChart from './CommitsByYearChart.svelte';
import Last12MonthsChart from './Last12MonthsChart.svelte';
import NewcomersChart from './NewcomersChart.svelte';
import OrganisationsOverTimeChart from './OrganisationsOverTimeChart.svelte';
import ReviewsAgainstCommitsChart from './ReviewsAgainstCommitsChart.svelte';
import TopOrganisationsChart from './TopOrganisationsChart.svelte';
import { dayBefore, formatDay } from './format.ts';
import { makeColourFor, UNKNOWN } from './palette.ts';
import { rankOrganisations } from './rows.ts';

export { FIGURE_NAMES, type FigureName } from '../lib/report/figure-name.ts';

/** One figure ready to render: the component and every prop it takes. */
export interface FigureSpec {
  name: FigureName;
  /** The heading (also the SVG's `<title>`). */
  title: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: Component<any>;
  props: Record<string, unknown>;
}

/** Options of `reportFigures`. */
export interface ReportFigureOptions {
  /** Size of each figure's viewBox, px. */
  width: number;
  height: number;
  /** Brand colours by organisation (the project config's `colours`). Default: none. */
  colours?: Readonly<Record<string, string>>;
  /** What the data came from ("xen.git"), for the source line. Default: the project's name. */
  source?: string;
}

/**
 * One colour per organisation for the whole report: brand colours, then the palette in the order of
 * the `since` ranking, then organisations that only appear elsewhere (last 12 months, newcomers).
 */
export function reportColourFor(
  report: WeatherReport,
  colours: Readonly<Record<string, string>> = {},
): (organisation: string) => string {
  const ranking = [
    ...report.topOrganisations.map((r) => r.organisation),
    ...report.last12Months.organisations.map((r) => r.organisation),
    ...rankOrganisations(report.organisationsByYear),
    ...report.newcomers.map((r) => r.organisation),
    ...report.risers.map((r) => r.organisation),
  ].filter((name) => name !== UNKNOWN);
  return makeColourFor([...new Set(ranking)], colours);
}

/** "Source: xen.git, as of 1 June 2018". */
export function sourceLine(report: WeatherReport, source?: string): string {
  return `Source: ${source ?? report.project}, as of ${formatDay(report.asOf)}`;
}

/** "xen · 1 January 2011 – 31 May 2018" for a half-open period [from, to). */
export function periodSubtitle(project: string, from: string, to: string): string {
  return `${project} · ${formatDay(from)} – ${formatDay(dayBefore(to))}`;
}

/** Every figure of `report` with its component and props, in `FIGURE_NAMES` order. */
export function reportFigures(report: WeatherReport, options: ReportFigureOptions): FigureSpec[] {
  const colourFor = reportColourFor(report, options.colours);
  const common = {
    width: options.width,
    height: options.height,
    source: sourceLine(report, options.source),
    colourFor,
  };
  const sinceSubtitle = periodSubtitle(report.project, report.since, report.asOf);
  const partial = report.commitsByYear.find((r) => r.partial);
  const last12 = report.last12Months;
  const figures: FigureSpec[] = [
    {
      name: 'commits-by-year',
      title: 'Commits per year',
      component: CommitsByYearChart,
      props: {
        rows: report.commitsByYear,
        yearToDate: partial ? report.yearToDate : null,
        subtitle: sinceSubtitle,
        note: partial
          ? `* ${partial.year} is partial (${formatDay(report.yearToDate.from)} – ${formatDay(dayBefore(report.yearToDate.to))}); its label compares the same days of ${partial.year - 1}.`
          : undefined,
      },
    },
    {
      name: 'organisations-over-time',
      title: `Commits by organisation: the top ${report.top} and the rest`,
      component: OrganisationsOverTimeChart,
      props: {
        rows: report.organisationsByYear,
        top: report.top,
        ranking: report.topOrganisations.map((r) => r.organisation),
        partialYear: partial?.year ?? null,
        subtitle: sinceSubtitle,
      },
    },
    {
      name: 'top-organisations',
      title: `Top organisations since ${report.since.slice(0, 4)}`,
      component: TopOrganisationsChart,
      props: {
        rows: report.topOrganisations,
        unknown: report.unknown,
        top: Math.max(report.top, 10),
        subtitle: sinceSubtitle,
      },
    },
    {
      name: 'last-12-months',
      title: 'The last 12 months',
      component: Last12MonthsChart,
      props: {
        rows: last12.organisations,
        unknown: last12.unknown,
        top: report.top,
        total: last12.commits,
        subtitle: periodSubtitle(report.project, last12.from, last12.to),
      },
    },
    {
      name: 'reviews-against-commits',
      title: 'Who reviews more than they write',
      component: ReviewsAgainstCommitsChart,
      props: {
        rows: report.reviewsAgainstCommits,
        top: Math.max(report.top, 10),
        subtitle: sinceSubtitle,
      },
    },
    {
      name: 'newcomers',
      title: 'Newcomers and risers',
      component: NewcomersChart,
      props: {
        newcomers: report.newcomers,
        risers: report.risers,
        subtitle: `${report.project} · as of ${formatDay(report.asOf)}`,
      },
    },
  ];
  return figures.map((figure) => ({
    ...figure,
    props: { ...common, title: figure.title, ...figure.props },
  }));
}
