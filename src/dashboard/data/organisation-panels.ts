/**
 * An organisation's page: its commits and reviews per year as charts, its people and its
 * repositories as tables, each with a CSV of its rows.
 */
import { periodSubtitle, sourceLine } from '../../lib/figures/figure-frame.ts';
import { organisationActivityByYear } from '../../lib/metrics/organisation-activity-by-year/organisation-activity-by-year.ts';
import { organisationPeople } from '../../lib/metrics/organisation-people/organisation-people.ts';
import { organisationRepositories } from '../../lib/metrics/organisation-repositories/organisation-repositories.ts';
import { csvTable } from '../../lib/report/csv-table.ts';
import { csvText } from '../../lib/report/render-csv.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { Panel } from './dashboard-panels.ts';
import type { OrganisationView } from './view-data.ts';

/** A table of the page: header, rows (text and numbers only) and its CSV. */
export interface TablePanel {
  name: string;
  title: string;
  description: string;
  header: string[];
  rows: Array<Array<string | number>>;
  csv: string;
}

/** How many people the page lists (the CSV has them all). */
const PEOPLE_SHOWN = 25;

/** The charts and tables of one organisation's page. */
export function organisationPanels(
  view: OrganisationView,
  report: WeatherReport,
): { charts: Panel[]; tables: TablePanel[] } {
  const partialYear = report.commitsByYear.find((r) => r.partial)?.year ?? null;
  const subtitle = `${view.organisation} · ${periodSubtitle(report.project, report.since, report.asOf)}`;
  const activityCsv = csvText(
    csvTable(view.activity, {
      year: (r) => r.year,
      commits: (r) => r.commits,
      reviews: (r) => r.reviews,
    }),
  );
  const chart = (kind: 'commits' | 'reviews'): Panel => {
    const title = `${view.organisation}: ${kind} per year`;
    return {
      name: `organisation-${kind}-by-year`,
      title,
      sentences: [],
      description: organisationActivityByYear.description,
      figure: {
        name: `organisation-${kind}-by-year`,
        title,
        subtitle,
        source: sourceLine(report.project, report.asOf),
        colourOrder: [],
        brand: {},
        chart: {
          chart: 'year-series',
          rows: view.activity.map((r) => ({ year: r.year, value: r[kind] })),
          unit: kind,
          partialYear,
        },
      },
      csv: activityCsv,
    };
  };
  const commits = view.activity.reduce((sum, r) => sum + r.commits, 0);
  const reviews = view.activity.reduce((sum, r) => sum + r.reviews, 0);
  const people: TablePanel = {
    name: 'organisation-people',
    title: `${view.organisation}: people`,
    description: organisationPeople.description,
    header: ['Name', 'Address', 'Commits', 'Reviews'],
    rows: view.people
      .slice(0, PEOPLE_SHOWN)
      .map((p) => [p.name ?? '(no name)', p.person ?? '(no address)', p.commits, p.reviews]),
    csv: csvText(
      csvTable(view.people, {
        person: (p) => p.person,
        name: (p) => p.name,
        commits: (p) => p.commits,
        reviews: (p) => p.reviews,
      }),
    ),
  };
  const repositories: TablePanel = {
    name: 'organisation-repositories',
    title: `${view.organisation}: repositories`,
    description: organisationRepositories.description,
    header: ['Repository', 'Commits', 'Reviews'],
    rows: view.repositories.map((r) => [r.repository, r.commits, r.reviews]),
    csv: csvText(
      csvTable(view.repositories, {
        repository: (r) => r.repository,
        commits: (r) => r.commits,
        reviews: (r) => r.reviews,
      }),
    ),
  };
  const charts = [chart('commits'), chart('reviews')];
  charts[0]!.sentences.push(
    `${view.organisation} made ${commits.toLocaleString('en-US')} commits and ${reviews.toLocaleString('en-US')} reviews from ${report.since.slice(0, 4)} to the as-of date.`,
  );
  return { charts, tables: [people, repositories] };
}
