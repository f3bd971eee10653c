import sql from './query.sql?raw';
import { UNKNOWN } from '../../identity/organisation-index.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import type { ReportScope } from '../report-metric.ts';
import { defineMetric } from '../report-metric.ts';
import {
  namedShares,
  rankingCsv,
  type OrganisationShare,
  type UnknownShare,
} from '../top-organisations/top-organisations.ts';

/** One organisation's commits in the last 12 months, with the window's figures repeated. */
export interface Last12MonthsRow {
  /** The window's start, `YYYY-MM-DD`: the as-of date one year earlier (29 February → 1 March). */
  from: string;
  /** The as-of date (exclusive). */
  to: string;
  /** All commits of the window, Unknown's included. */
  total: number;
  /** Commits of the window's top N organisations / total; 0 when the window is empty. */
  topShare: number;
  /** Whether the window's top N is the same set of names as the top N since `since`. */
  sameTopAsSince: boolean;
  /** Null only on the single row of an empty window. */
  organisation: string | null;
  commits: number | null;
  share: number | null;
  /** 1 = most commits (ties by name); null for `Unknown`. */
  rank: number | null;
}

/** The window's figures, as the weather report states them. */
export interface Last12MonthsSummary {
  /** The window's start: the as-of date one year earlier (29 February → 1 March). */
  from: string;
  /** The as-of date (exclusive). */
  to: string;
  /** All commits of the window, `Unknown`'s included. */
  commits: number;
  /** Share of the top N organisations of the last 12 months. */
  topShare: number;
  /** Whether the last 12 months' top N is the same set of names as the `since` top N. */
  sameTopAsSince: boolean;
  /** Ranked organisations, never `Unknown`. */
  organisations: OrganisationShare[];
  unknown: UnknownShare;
}

/** Rows → the report's `last12Months` (all 0 without rows). */
export function summariseLast12Months(rows: Last12MonthsRow[]): Last12MonthsSummary {
  const first = rows[0];
  // Its query always gives one row at least; without one (the metric not run) all is 0.
  if (!first) {
    const none = { commits: 0, share: 0 };
    return {
      from: '',
      to: '',
      commits: 0,
      topShare: 0,
      sameTopAsSince: false,
      organisations: [],
      unknown: none,
    };
  }
  const organisations = rows
    .filter((row) => row.organisation !== null && row.organisation !== UNKNOWN)
    .map((row) => ({
      organisation: row.organisation!,
      commits: row.commits ?? 0,
      share: row.share ?? 0,
    }));
  const unknown = rows.find((row) => row.organisation === UNKNOWN);
  return {
    from: first.from,
    to: first.to,
    commits: first.total,
    topShare: first.topShare,
    sameTopAsSince: first.sameTopAsSince,
    organisations,
    unknown: { commits: unknown?.commits ?? 0, share: unknown?.share ?? 0 },
  };
}

/** Its field of the weather report. */
export interface Last12MonthsFields {
  last12Months: Last12MonthsSummary;
}

const DESCRIPTION =
  'Commits per organisation in the year before the as-of date, ranked by commits then name (Unknown unranked), with the share of the top N and whether they are the same organisations as the top N from the since year on.';

/** The last 12 months [asOf − 1 year, asOf): organisations ranked, the top N's share and set. */
export const last12Months = defineMetric<Last12MonthsRow, Last12MonthsFields, ReportScope>({
  name: 'last-12-months',
  title: 'The last 12 months',
  description: DESCRIPTION,
  sql,
  fields: (rows) => ({ last12Months: summariseLast12Months(rows) }),
  csv: ({ last12Months: recent }) => rankingCsv(recent.organisations, recent.unknown),
  figure: {
    draw: (report, view) => {
      const recent = report.last12Months;
      return {
        title: 'The last 12 months',
        subtitle: periodSubtitle(report.project, recent.from, recent.to),
        chart: {
          chart: 'share-bar',
          ...namedShares(recent.organisations, recent.unknown),
          top: report.top,
          total: recent.commits,
        },
        ...(view.kind === 'reviews'
          ? { description: `${DESCRIPTION} (Commits: this chart does not switch to reviews.)` }
          : {}),
      };
    },
  },
  organisations: (report) => report.last12Months.organisations.map((r) => r.organisation),
});
