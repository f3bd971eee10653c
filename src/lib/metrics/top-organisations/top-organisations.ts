import sql from './query.sql?raw';
import { UNKNOWN } from '../../identity/organisation-index.ts';
import { csvTable, type CsvTable } from '../../report/csv-table.ts';
import type { NamedShare, UnknownShare as ChartUnknown } from '../../figures/chart-spec.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { formatCount, formatPercent, joinNames, sincePhrase } from '../../report/format-figures.ts';
import { rankBy } from '../../report/rank.ts';
import type { Last12MonthsFields } from '../last-12-months/last-12-months.ts';
import type { ReviewsAgainstCommitsFields } from '../reviews-against-commits/reviews-against-commits.ts';
import {
  defineMetric,
  type DrawnFigure,
  type FigureView,
  type NameFormat,
  type ReportScope,
  type ReportSentence,
} from '../report-metric.ts';

/** One organisation's commits in [since, asOf). */
export interface TopOrganisationRow {
  /** The organisation, or `Unknown` (unmapped addresses), which is never ranked. */
  organisation: string;
  commits: number;
  /** commits / all commits in [since, asOf), Unknown's included; a fraction. */
  share: number;
  /** 1 = most commits (ties by name); null for `Unknown`. */
  rank: number | null;
}

/** An organisation's count and its share of all counted contributions of the period. */
export interface OrganisationShare {
  organisation: string;
  commits: number;
  /** commits / all commits of the period, `Unknown`'s included. */
  share: number;
}

/** How much of a period no map covers. */
export interface UnknownShare {
  commits: number;
  share: number;
}

/** Its fields of the weather report. */
export interface TopOrganisationsFields {
  /** Every organisation with commits in [since, asOf), ranked; never `Unknown`. */
  topOrganisations: OrganisationShare[];
  /** All commits in [since, asOf), `Unknown`'s included. */
  totalCommits: number;
  unknown: UnknownShare;
}

type Report = ReportScope &
  TopOrganisationsFields &
  Last12MonthsFields &
  ReviewsAgainstCommitsFields;

/** A ranking as CSV: rank, organisation, count and share, then `Unknown` unranked when it has any. */
export function rankingCsv(
  organisations: readonly OrganisationShare[],
  unknown: UnknownShare,
  count = 'commits',
): CsvTable {
  const rows = [
    ...organisations.map((o, i) => ({ rank: i + 1, ...o })),
    ...(unknown.commits > 0 ? [{ rank: null, organisation: UNKNOWN, ...unknown }] : []),
  ];
  return csvTable(rows, {
    rank: (r) => r.rank,
    organisation: (r) => r.organisation,
    [count]: (r) => r.commits,
    share: (r) => r.share,
  });
}

/** A ranking and what no map covers, as a chart's named shares. */
export function namedShares(
  organisations: readonly OrganisationShare[],
  unknown: UnknownShare,
): { rows: NamedShare[]; unknown: ChartUnknown } {
  return {
    rows: organisations.map((r) => ({ name: r.organisation, value: r.commits, share: r.share })),
    unknown: { value: unknown.commits, share: unknown.share },
  };
}

/** The ranking since `since`, or, for the reviews view, organisations ranked by their reviews. */
function draw(report: Report, view: FigureView): DrawnFigure {
  const subtitle = periodSubtitle(report.project, report.since, report.asOf);
  const top = Math.max(report.top, 10);
  if (view.kind === 'reviews') {
    const all = report.reviewsAgainstCommits.reduce((sum, r) => sum + r.reviews, 0);
    const share = (n: number) => (all > 0 ? n / all : 0);
    const ranked = rankBy(
      report.reviewsAgainstCommits.filter((r) => r.reviews > 0),
      (r) => r.reviews,
      (r) => r.organisation,
    ).map((r) => ({ organisation: r.organisation, commits: r.reviews, share: share(r.reviews) }));
    const unknownReviews =
      report.reviewsAgainstCommits.find((r) => r.organisation === UNKNOWN)?.reviews ?? 0;
    const unknown = { commits: unknownReviews, share: share(unknownReviews) };
    return {
      title: `Top reviewing organisations since ${report.since.slice(0, 4)}`,
      subtitle,
      chart: { chart: 'ranked-bars', ...namedShares(ranked, unknown), top, unit: 'reviews' },
      description:
        'Organisations ranked by their reviews from since to the as-of date, with their share of all reviews (Unknown is not ranked but counts in the total).',
      csv: rankingCsv(ranked, unknown, 'reviews'),
    };
  }
  return {
    title: `Top organisations since ${report.since.slice(0, 4)}`,
    subtitle,
    chart: { chart: 'ranked-bars', ...namedShares(report.topOrganisations, report.unknown), top },
  };
}

/** "The top 6 organisations since 2011 are …; in the last 12 months the top 6 made 87% …". */
function topSentence(report: Report, name: NameFormat): ReportSentence {
  const since = sincePhrase(report.since);
  const top = report.topOrganisations.slice(0, report.top);
  const names = top.map((o) => name(o.organisation));
  let first: string;
  if (top.length === 0) first = `No mapped organisation made a commit ${since}`;
  else if (top.length === 1) first = `The top organisation ${since} is ${names[0]}`;
  else first = `The top ${top.length} organisations ${since} are ${joinNames(names)}`;

  const recent = report.last12Months;
  let second: string;
  const named = top.map((o) => o.organisation);
  if (recent.commits === 0) second = 'there were no commits in the last 12 months';
  else if (recent.organisations.length === 0) {
    second = 'in the last 12 months no mapped organisation made a commit';
  } else {
    const recentTop = recent.organisations.slice(0, report.top);
    const made = `made ${formatPercent(recent.topShare)} of all commits`;
    second =
      recentTop.length === 1
        ? `in the last 12 months the top organisation ${made}`
        : `in the last 12 months the top ${recentTop.length} ${made}`;
    if (recentTop.length > 0) {
      const sinceNames = new Set(top.map((o) => o.organisation));
      const recentNames = new Set(recentTop.map((o) => o.organisation));
      const entered = recentTop.filter((o) => !sinceNames.has(o.organisation));
      const left = top.filter((o) => !recentNames.has(o.organisation));
      if (report.last12Months.sameTopAsSince) {
        second += recentTop.length === 1 ? ', the same one' : ', the same organisations';
      } else if (entered.length > 0) {
        const verb = entered.length === 1 ? 'is' : 'are';
        second += `, and ${joinNames(entered.map((o) => name(o.organisation)))} ${verb} among them`;
        named.push(...entered.map((o) => o.organisation));
        if (left.length > 0) {
          second += ` in place of ${joinNames(left.map((o) => name(o.organisation)))}`;
        }
      }
    }
  }
  return {
    text: `${first}; ${second}.`,
    figures: ['top-organisations', 'last-12-months'],
    counts: 'commits',
    names: named,
  };
}

/** "Addresses no affiliation map covers (Unknown) made 5% of the commits since 2011 (…)." */
function unknownSentence(report: Report): ReportSentence[] {
  if (report.unknown.commits === 0) return [];
  return [
    {
      text: `Addresses no affiliation map covers (Unknown) made ${formatPercent(report.unknown.share)} of the commits ${sincePhrase(report.since)} (${formatCount(report.unknown.commits)} of ${formatCount(report.totalCommits)}).`,
      figures: [],
      counts: 'commits',
    },
  ];
}

/** Every organisation's commits and share since `since`, ranked; `Unknown` last, unranked. */
export const topOrganisations = defineMetric<
  TopOrganisationRow,
  TopOrganisationsFields,
  ReportScope & Last12MonthsFields & ReviewsAgainstCommitsFields
>({
  name: 'top-organisations',
  title: 'Top organisations',
  description:
    'Commits and share of all commits per organisation in [since, as-of), ranked by commits then name; Unknown is listed last without a rank but counts in every share.',
  sql,
  fields: (rows) => {
    const unknown = rows.find((row) => row.organisation === UNKNOWN);
    return {
      topOrganisations: rows
        .filter((row) => row.organisation !== UNKNOWN)
        .map(({ organisation, commits, share }) => ({ organisation, commits, share })),
      totalCommits: rows.reduce((sum, row) => sum + row.commits, 0),
      unknown: { commits: unknown?.commits ?? 0, share: unknown?.share ?? 0 },
    };
  },
  csv: (report) => rankingCsv(report.topOrganisations, report.unknown),
  figure: { draw },
  sentences: (report, name) => [topSentence(report, name), ...unknownSentence(report)],
  organisations: (report) => report.topOrganisations.map((r) => r.organisation),
});
