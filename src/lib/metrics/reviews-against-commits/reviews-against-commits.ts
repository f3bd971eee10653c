import sql from './query.sql?raw';
import { UNKNOWN } from '../../identity/organisation-index.ts';
import { csvTable } from '../../report/csv-table.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { formatCount, joinNames, plural, sincePhrase } from '../../report/format-figures.ts';
import { rankBy } from '../../report/rank.ts';
import {
  defineMetric,
  type NameFormat,
  type ReportScope,
  type ReportSentence,
} from '../report-metric.ts';

/** One organisation's reviews and commits in [since, asOf). */
export interface ReviewsAgainstCommitsRow {
  /** An organisation, or `Unknown` (last). */
  organisation: string;
  reviews: number;
  commits: number;
}

/** Its field of the weather report. */
export interface ReviewsAgainstCommitsFields {
  /** Each organisation's reviews and commits in [since, asOf). */
  reviewsAgainstCommits: ReviewsAgainstCommitsRow[];
}

/** "Since 2011 there were 1,687 reviews; Citrix made the most (800), then …". */
function reviewsSentence(
  report: ReportScope & ReviewsAgainstCommitsFields,
  name: NameFormat,
): ReportSentence[] {
  const since = sincePhrase(report.since);
  const figures = ['reviews-against-commits'];
  const total = report.reviewsAgainstCommits.reduce((sum, o) => sum + o.reviews, 0);
  if (total === 0) {
    return [
      {
        text: `No reviews (Reviewed-by or Acked-by trailers, GitHub reviews) were recorded ${since}.`,
        figures,
      },
    ];
  }
  const reviewers = rankBy(
    report.reviewsAgainstCommits.filter((o) => o.reviews > 0),
    (o) => o.reviews,
    (o) => o.organisation,
  ).slice(0, 3);
  const start = `${since.replace(/^s/, 'S')} there were ${plural(total, 'review')}`;
  if (reviewers.length === 0) return [{ text: `${start}.`, figures, counts: 'reviews' }];
  const [most, ...then] = reviewers;
  const list = then.map((o) => `${name(o.organisation)} (${formatCount(o.reviews)})`);
  const rest = list.length > 0 ? `, then ${joinNames(list)}` : '';
  return [
    {
      text: `${start}; ${name(most!.organisation)} made the most (${formatCount(most!.reviews)})${rest}.`,
      figures,
      counts: 'reviews',
      names: reviewers.map((o) => o.organisation),
    },
  ];
}

/** Each organisation's reviews against its commits in [since, asOf). */
export const reviewsAgainstCommits = defineMetric<
  ReviewsAgainstCommitsRow,
  ReviewsAgainstCommitsFields,
  ReportScope
>({
  name: 'reviews-against-commits',
  title: 'Reviews against commits',
  description:
    "Each organisation's reviews and commits from since to the as-of date, Unknown included (last); most commits first. The figure shows reviews per commit on a log scale around 1 (more reviews than commits to the right).",
  sql,
  fields: (rows) => ({ reviewsAgainstCommits: rows }),
  csv: (report) =>
    csvTable(report.reviewsAgainstCommits, {
      organisation: (r) => r.organisation,
      reviews: (r) => r.reviews,
      commits: (r) => r.commits,
    }),
  figure: {
    draw: (report) => {
      const unknown = report.reviewsAgainstCommits.find((r) => r.organisation === UNKNOWN);
      return {
        title: 'Who reviews more than they write',
        subtitle: periodSubtitle(report.project, report.since, report.asOf),
        chart: {
          chart: 'ratio-bars',
          rows: report.reviewsAgainstCommits.map((r) => ({
            name: r.organisation,
            first: r.commits,
            second: r.reviews,
          })),
          firstUnit: 'commits',
          secondUnit: 'reviews',
          top: Math.max(report.top, 10),
          ...(unknown && unknown.commits + unknown.reviews > 0
            ? {
                note: `Reviews per commit of the ${Math.max(report.top, 10)} organisations with the most of both. Unknown (not ranked): ${plural(unknown.reviews, 'review')}, ${plural(unknown.commits, 'commit')}.`,
              }
            : {}),
        },
      };
    },
  },
  sentences: reviewsSentence,
});
