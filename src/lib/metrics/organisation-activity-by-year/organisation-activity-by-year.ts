import sql from './query.sql?raw';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { csvTable } from '../../report/csv-table.ts';
import { plural } from '../../report/format-figures.ts';
import { definePageMetric } from '../page-metric.ts';

/** One year of one organisation. */
export interface OrganisationActivityRow {
  year: number;
  commits: number;
  reviews: number;
}

/** One organisation's (`params.organisation`) commits and reviews per year in [since, asOf). */
export const organisationActivityByYear = definePageMetric<OrganisationActivityRow>({
  name: 'organisation-activity-by-year',
  title: 'Commits and reviews by year',
  description:
    "One organisation's commits and reviews per calendar year from since to the as-of date, empty years as 0.",
  sql,
  csv: (rows) =>
    csvTable(rows, { year: (r) => r.year, commits: (r) => r.commits, reviews: (r) => r.reviews }),
  charts: (rows, page) => {
    // From its first year with a commit or a review: no empty years before it arrived.
    const first = rows.findIndex((r) => r.commits + r.reviews > 0);
    const shown = first < 0 ? rows : rows.slice(first);
    return (['commits', 'reviews'] as const).map((kind) => ({
      name: `organisation-${kind}-by-year`,
      title: `${page.organisation}: ${kind} per year`,
      subtitle: `${page.organisation} · ${periodSubtitle(page.project, page.since, page.asOf)}`,
      chart: {
        chart: 'year-series',
        rows: shown.map((r) => ({ year: r.year, value: r[kind] })),
        unit: kind,
        partialYear: page.partialYear,
        organisation: page.organisation,
      },
    }));
  },
  sentences: (rows, page) => {
    const commits = rows.reduce((sum, r) => sum + r.commits, 0);
    const reviews = rows.reduce((sum, r) => sum + r.reviews, 0);
    return [
      `${page.organisation} made ${plural(commits, 'commit')} and ${plural(reviews, 'review')} from ${page.since.slice(0, 4)} to the as-of date.`,
    ];
  },
});
