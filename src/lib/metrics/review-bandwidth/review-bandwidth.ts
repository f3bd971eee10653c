import sql from './query.sql?raw';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { csvTable } from '../../report/csv-table.ts';
import { formatCount } from '../../report/format-figures.ts';
import { rankNames } from '../../report/rank.ts';
import { AREA_TABLES, withAreaScope } from '../area-scope/area-scope.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { defineMetric, type NameFormat, type ReportScope } from '../report-metric.ts';
import { yearPhrase } from '../review-matrix/review-phrases.ts';

/** One area's reviewing in one calendar year. */
export interface ReviewBandwidthRow {
  area: string;
  year: number;
  /** Reviews of the area's work: trailers on its commits, list reviews of changes touching it. */
  reviews: number;
  /** Counted commits changing a file of the area. */
  commits: number;
  /** Distinct people among those reviews. */
  reviewers: number;
  /**
   * The fewest reviewers whose reviews reach half of the area's reviews that year; 0 without
   * reviews, null when reviews without a named person are more than half.
   */
  busFactor: number | null;
}

/** Its field of the weather report. */
export interface ReviewBandwidthFields {
  /** Reviews, commits, reviewers and the review bus factor per area and year in [since, asOf). */
  reviewBandwidth: ReviewBandwidthRow[];
}

/** "Half of the Arm reviews so far in 2018 came from 3 people (of 12 reviewers).", per named area. */
function busFactorSentences(
  report: ReportScope & ReviewBandwidthFields,
  name: NameFormat,
): string[] {
  return report.filters.areas.flatMap((area) => {
    const last = report.reviewBandwidth.filter((r) => r.area === area && r.reviews > 0).at(-1);
    if (!last || last.busFactor === null) return [];
    const people = last.busFactor === 1 ? '1 person' : `${formatCount(last.busFactor)} people`;
    return [
      `Half of the ${name(area)} reviews ${yearPhrase(last.year, report.asOf)} came from ${people}` +
        ` (of ${formatCount(last.reviewers)} reviewer${last.reviewers === 1 ? '' : 's'}).`,
    ];
  });
}

export const reviewBandwidth = defineMetric<
  ReviewBandwidthRow,
  ReviewBandwidthFields,
  ReportScope & CommitsByYearFields
>({
  name: 'review-bandwidth',
  title: 'Review bandwidth by area',
  description:
    "Per area and calendar year from since to the as-of date: the reviews of the area's work (trailers on its commits, list reviews of changes touching it), its counted commits, the distinct reviewers and the review bus factor (the fewest reviewers giving half of the reviews).",
  sql: withAreaScope(sql),
  dashboardPage: 'areas',
  tables: AREA_TABLES,
  fields: (rows) => ({ reviewBandwidth: rows }),
  csv: (report) =>
    csvTable(report.reviewBandwidth, {
      area: (r) => r.area,
      year: (r) => r.year,
      reviews: (r) => r.reviews,
      commits: (r) => r.commits,
      reviewers: (r) => r.reviewers,
      bus_factor: (r) => r.busFactor,
    }),
  figure: {
    draw: (report) => {
      const areas = rankNames(
        report.reviewBandwidth.map((r) => ({ name: r.area, value: r.reviews })),
      );
      const shown = new Set(areas.slice(0, report.top));
      return {
        title: 'Reviewers who give half of the reviews, by area',
        subtitle: periodSubtitle(report.project, report.since, report.asOf),
        chart: {
          chart: 'year-lines',
          rows: report.reviewBandwidth.flatMap((r) =>
            shown.has(r.area) && r.busFactor !== null && r.reviews > 0
              ? [{ year: r.year, name: r.area, value: r.busFactor }]
              : [],
          ),
          unit: 'reviewers for half of the reviews',
          top: report.top,
          partialYear: report.commitsByYear.find((r) => r.partial)?.year ?? null,
          ownColours: true,
          note: `The review bus factor of the ${report.top} areas with the most reviews; reviews per commit and reviewers are in the data.`,
        },
      };
    },
  },
  sentences: (report, name) =>
    busFactorSentences(report, name).map((text) => ({ text, figures: ['review-bandwidth'] })),
});
