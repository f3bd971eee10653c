import sql from './query.sql?raw';
import type { MatrixCell } from '../../figures/chart-spec.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { UNKNOWN } from '../../identity/organisation-index.ts';
import { csvTable } from '../../report/csv-table.ts';
import { rankNames } from '../../report/rank.ts';
import { AREA_TABLES, withAreaScope } from '../area-scope/area-scope.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';

/** One organisation's reviews in one area in one calendar year. */
export interface ReviewsByAreaRow {
  area: string;
  year: number;
  /** The reviewers' organisation, or `Unknown`. */
  organisation: string;
  reviews: number;
  /** Its share of the area's reviews that year (a fraction). */
  share: number;
}

/** Its field of the weather report. */
export interface ReviewsByAreaFields {
  /** Each organisation's reviews and share of reviewing per area and year in [since, asOf). */
  reviewsByArea: ReviewsByAreaRow[];
}

/** Areas (rows, the top N by reviews) by organisations (columns), reviews over the span. */
function areaCells(rows: readonly ReviewsByAreaRow[], top: number) {
  const areas = rankNames(rows.map((r) => ({ name: r.area, value: r.reviews }))).slice(0, top);
  const organisations = rankNames(
    rows.map((r) => ({ name: r.organisation, value: r.reviews })),
  ).slice(0, top);
  const cells = new Map<string, MatrixCell>();
  for (const r of rows) {
    if (!areas.includes(r.area)) continue;
    const column =
      r.organisation === UNKNOWN || organisations.includes(r.organisation)
        ? r.organisation
        : 'Other';
    const key = `${r.area}\u0000${column}`;
    const cell = cells.get(key) ?? { row: r.area, column, value: 0 };
    cell.value += r.reviews;
    cells.set(key, cell);
  }
  return {
    cells: [...cells.values()],
    order: { rows: areas, columns: [...organisations, 'Other', UNKNOWN] },
  };
}

export const reviewsByArea = defineMetric<ReviewsByAreaRow, ReviewsByAreaFields, ReportScope>({
  name: 'reviews-by-area',
  title: 'Who reviews each area',
  description:
    "Reviews of each area's work per calendar year from since to the as-of date, by the reviewer's organisation (Unknown included), with each one's share of the area's reviews that year.",
  sql: withAreaScope(sql),
  dashboardPage: 'areas',
  tables: AREA_TABLES,
  fields: (rows) => ({ reviewsByArea: rows }),
  csv: (report) =>
    csvTable(report.reviewsByArea, {
      area: (r) => r.area,
      year: (r) => r.year,
      organisation: (r) => r.organisation,
      reviews: (r) => r.reviews,
      share: (r) => r.share,
    }),
  figure: {
    draw: (report) => {
      const { cells, order } = areaCells(report.reviewsByArea, report.top);
      return {
        title: 'Who reviews each area',
        subtitle: periodSubtitle(report.project, report.since, report.asOf),
        chart: {
          chart: 'matrix',
          cells,
          order,
          unit: 'reviews',
          rowLabel: 'area',
          columnLabel: "reviewer's organisation",
          top: Math.max(order.rows.length, order.columns.length),
          note: `Rows: the ${report.top} areas with the most reviews; columns: the reviewers' organisations.`,
        },
      };
    },
  },
});
