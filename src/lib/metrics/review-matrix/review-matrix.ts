import sql from './query.sql?raw';
import type { MatrixCell } from '../../figures/chart-spec.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { UNKNOWN } from '../../identity/organisation-index.ts';
import { csvTable } from '../../report/csv-table.ts';
import { formatPercent } from '../../report/format-figures.ts';
import { rankNames } from '../../report/rank.ts';
import { defineMetric, type NameFormat, type ReportScope } from '../report-metric.ts';
import { areaPhrase, yearPhrase } from './review-phrases.ts';

/** Reviews one organisation gave another's work in one calendar year. */
export interface ReviewMatrixRow {
  year: number;
  /** The reviewer's organisation at the review's time, or `Unknown`. */
  reviewerOrganisation: string;
  /** The organisation of the author reviewed at the review's time, or `Unknown`. */
  authorOrganisation: string;
  /** Reviews, self-reviews left out. */
  reviews: number;
}

/** The share of one year's reviews that crossed organisations. */
export interface CrossOrganisationShare {
  year: number;
  /**
   * Reviews whose reviewer and author organisations are both known and differ, over reviews whose
   * two organisations are both known (a fraction); null when no review of the year has both known.
   */
  share: number | null;
}

/** Its fields of the weather report. */
export interface ReviewMatrixFields {
  /**
   * Reviews per calendar year in [since, asOf) by reviewer organisation × author organisation
   * (Unknown included on both sides; self-reviews left out), most first in each year.
   */
  reviewMatrix: ReviewMatrixRow[];
  /** Per year of `reviewMatrix`, the share of reviews that crossed organisations. */
  crossOrganisationShareByYear: CrossOrganisationShare[];
}

/** Per year, reviews between two known organisations that differ over those between two known. */
export function crossOrganisationShares(
  rows: readonly ReviewMatrixRow[],
): CrossOrganisationShare[] {
  const years = new Map<number, { known: number; crossed: number }>();
  for (const row of rows) {
    const year = years.get(row.year) ?? { known: 0, crossed: 0 };
    years.set(row.year, year);
    if (row.reviewerOrganisation === UNKNOWN || row.authorOrganisation === UNKNOWN) continue;
    year.known += row.reviews;
    if (row.reviewerOrganisation !== row.authorOrganisation) year.crossed += row.reviews;
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, { known, crossed }]) => ({ year, share: known > 0 ? crossed / known : null }));
}

/** The organisation matrix summed over the rows' years: the top N by reviews, the rest as Other. */
function matrixCells(
  rows: readonly ReviewMatrixRow[],
  top: number,
): { cells: MatrixCell[]; order: { rows: string[]; columns: string[] } } {
  const totals = rows.flatMap((r) => [
    { name: r.reviewerOrganisation, value: r.reviews },
    { name: r.authorOrganisation, value: r.reviews },
  ]);
  const named = rankNames(totals).slice(0, top);
  const bucket = (name: string) => (name === UNKNOWN || named.includes(name) ? name : OTHER);
  const cells = new Map<string, MatrixCell>();
  for (const r of rows) {
    const row = bucket(r.reviewerOrganisation);
    const column = bucket(r.authorOrganisation);
    const key = `${row}\u0000${column}`;
    const cell = cells.get(key) ?? { row, column, value: 0 };
    cell.value += r.reviews;
    cells.set(key, cell);
  }
  const present = new Set([...cells.values()].flatMap((c) => [c.row, c.column]));
  const order = [...named, OTHER, UNKNOWN].filter((name) => present.has(name));
  return { cells: [...cells.values()], order: { rows: order, columns: order } };
}

const OTHER = 'Other';

/**
 * "In x86, 38% of reviews crossed organisations in 2018, against 29% in 2017.": the last year with
 * a share, against the year before it when that has one.
 */
function crossSentence(report: ReportScope & ReviewMatrixFields, name: NameFormat): string[] {
  const shares = report.crossOrganisationShareByYear.filter((s) => s.share !== null);
  const last = shares.at(-1);
  if (!last) return [];
  const before = shares.find((s) => s.year === last.year - 1);
  const against = before ? `, against ${formatPercent(before.share!)} in ${before.year}` : '';
  const area = areaPhrase(report.filters.areas, name);
  const share = `${formatPercent(last.share!)} of reviews crossed organisations`;
  const when = yearPhrase(last.year, report.asOf);
  return [
    area
      ? `In ${area}, ${share} ${when}${against}.`
      : `Of the reviews ${when}, ${formatPercent(last.share!)} crossed organisations${against}.`,
  ];
}

export const reviewMatrix = defineMetric<ReviewMatrixRow, ReviewMatrixFields, ReportScope>({
  name: 'review-matrix',
  title: 'Who reviews whom',
  description:
    "Reviews per calendar year from since to the as-of date by the reviewer's organisation and the organisation of the author reviewed (a trailer's commit author, a pull request's author, a list change's sender), self-reviews left out; and each year's share of reviews between two known organisations that crossed organisations.",
  sql,
  dashboardPage: 'areas',
  tables: [{ name: 'review_authors' }],
  fields: (rows) => ({
    reviewMatrix: rows,
    crossOrganisationShareByYear: crossOrganisationShares(rows),
  }),
  csv: (report) =>
    csvTable(report.reviewMatrix, {
      year: (r) => r.year,
      reviewer_organisation: (r) => r.reviewerOrganisation,
      author_organisation: (r) => r.authorOrganisation,
      reviews: (r) => r.reviews,
    }),
  figure: {
    name: 'who-reviews-whom',
    draw: (report) => {
      const { cells, order } = matrixCells(report.reviewMatrix, report.top);
      const last = report.crossOrganisationShareByYear.filter((s) => s.share !== null).at(-1);
      return {
        title: 'Who reviews whom',
        subtitle: periodSubtitle(report.project, report.since, report.asOf),
        chart: {
          chart: 'matrix',
          cells,
          order,
          unit: 'reviews',
          rowLabel: "reviewer's organisation",
          columnLabel: "author's organisation",
          top: order.rows.length,
          note:
            `Rows: reviewers' organisations; columns: authors'; self-reviews left out.` +
            (last ? ` ${formatPercent(last.share!)} crossed organisations in ${last.year}.` : ''),
        },
      };
    },
  },
  sentences: (report, name) =>
    crossSentence(report, name).map((text) => ({ text, figures: ['who-reviews-whom'] })),
});
