import sql from './query.sql?raw';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { csvTable } from '../../report/csv-table.ts';
import { formatPercent, plural } from '../../report/format-figures.ts';
import { activeContributorsByYear } from '../active-contributors-by-year/active-contributors-by-year.ts';
import {
  commitsByYear,
  type CommitsByYearFields,
  type CommitsByYearRow,
} from '../commits-by-year/commits-by-year.ts';
import { growth, type GrowthSummary } from '../growth/growth.ts';
import { last12Months } from '../last-12-months/last-12-months.ts';
import type { MetricParams } from '../metric.ts';
import { projection, projectionSentence, type Projection } from '../projection/projection.ts';
import {
  defineMetric,
  type NameFormat,
  type ReportScope,
  type ReportSentence,
} from '../report-metric.ts';
import type { Database } from '../../db/database.ts';

/** One member of a sub-project, as its query gives it. */
export interface SubprojectMemberRow {
  subproject: string;
  /** The sub-project's place in the config, from 0. */
  position: number;
  kind: 'repository' | 'list';
  name: string;
}

/** A sub-project's last 12 months [asOf − 1 year, asOf). */
export interface SubprojectRecent {
  from: string;
  to: string;
  /** All its commits of the window, `Unknown`'s included. */
  commits: number;
  /** Organisations (not `Unknown`) with a commit in the window. */
  organisations: number;
  /** Its largest organisation of the window (most commits, ties by name); null when none. */
  largest: { organisation: string; commits: number; share: number } | null;
  /**
   * Share of the window's commits not made by the largest organisation (1 − its share; Unknown's
   * commits count as outside), a fraction; null when the window has no commits or no organisation.
   */
  outsideShare: number | null;
  /** Commits of addresses no map covers, and their share of the window's commits. */
  unknown: { commits: number; share: number };
}

/** One sub-project's line of the overview. */
export interface SubprojectLine {
  name: string;
  /** Its repositories under the report's filters, sorted. */
  repositories: string[];
  /** Its mailing lists, sorted. */
  lists: string[];
  /** As the report's `commitsByYear`, for its repositories. */
  commitsByYear: CommitsByYearRow[];
  /** Active contributors per year, as `activeContributorsByYear`. */
  contributorsByYear: Array<{ year: number; contributors: number }>;
  /** As the report's `growth` (growth-since to the last full year). */
  growth: GrowthSummary | null;
  last12Months: SubprojectRecent;
  /** As the report's `projection`. */
  projection: Projection;
}

/** Its field of the weather report. */
export interface SubprojectsFields {
  /** One line per sub-project with a repository under the filters, in the config's order. */
  subprojects: SubprojectLine[];
}

/** The sub-projects of the member rows, in order. */
function groups(rows: readonly SubprojectMemberRow[]) {
  const out = new Map<string, { repositories: string[]; lists: string[] }>();
  for (const row of rows) {
    const group = out.get(row.subproject) ?? { repositories: [], lists: [] };
    out.set(row.subproject, group);
    (row.kind === 'repository' ? group.repositories : group.lists).push(row.name);
  }
  return [...out].map(([name, members]) => ({ name, ...members }));
}

/**
 * One sub-project's figures: the report's own metrics run for its repositories alone, so each is
 * what `barometer report --subproject NAME` states. Asked for at once: the dashboard's engines
 * answer them side by side (one after the other they were the longest wait of a redraw); one
 * connection runs them in turn.
 */
async function lineOf(
  db: Database,
  params: MetricParams,
  group: { name: string; repositories: string[]; lists: string[] },
): Promise<SubprojectLine> {
  const own: MetricParams = { ...params, repositories: group.repositories };
  const [years, people, grown, { last12Months: recent }, projected] = await Promise.all([
    commitsByYear.collect(db, own),
    activeContributorsByYear.collect(db, own),
    growth.collect(db, own),
    last12Months.collect(db, own),
    projection.collect(db, own),
  ]);
  const largest = recent.organisations[0] ?? null;
  return {
    ...group,
    commitsByYear: years.commitsByYear,
    contributorsByYear: people.activeContributorsByYear,
    growth: grown.growth,
    last12Months: {
      from: recent.from,
      to: recent.to,
      commits: recent.commits,
      organisations: recent.organisations.length,
      largest,
      outsideShare: largest && recent.commits > 0 ? 1 - largest.share : null,
      unknown: recent.unknown,
    },
    projection: projected.projection,
  };
}

/** "Unikraft: 1,203 commits by 45 contributors in 2017; …; 62% from outside Arm, its largest." */
function lineSentence(line: SubprojectLine, year: number, name: NameFormat): string {
  const commits = line.commitsByYear.find((y) => y.year === year)?.commits ?? 0;
  const people = line.contributorsByYear.find((y) => y.year === year)?.contributors ?? 0;
  const parts = [`${plural(commits, 'commit')} by ${plural(people, 'contributor')} in ${year}`];
  const g = line.growth;
  if (g && g.cagr !== null) {
    const percent = Math.round(Math.abs(g.cagr) * 100);
    parts.push(
      percent === 0
        ? `level on average from ${g.fromYear} to ${g.toYear}`
        : `${g.cagr > 0 ? 'growing' : 'shrinking'} on average ${percent}% a year from ${g.fromYear} to ${g.toYear}`,
    );
  }
  const recent = line.last12Months;
  if (recent.commits === 0) parts.push('no commits in the last 12 months');
  else {
    const orgs = `${plural(recent.organisations, 'organisation')} in the last 12 months`;
    const unknown =
      recent.unknown.commits > 0 ? ` (Unknown made ${formatPercent(recent.unknown.share)})` : '';
    parts.push(
      recent.largest && recent.outsideShare !== null
        ? `${orgs}, ${formatPercent(recent.outsideShare)} of the commits from outside its largest, ${name(recent.largest.organisation)}${unknown}`
        : `${orgs} (${plural(recent.commits, 'commit')}, none from a known organisation)`,
    );
  }
  return `Sub-project ${name(line.name)}: ${parts.join('; ')}.`;
}

function sentences(report: ReportScope & SubprojectsFields, name: NameFormat): ReportSentence[] {
  const year = Number(report.asOf.slice(0, 4)) - 1;
  return report.subprojects.flatMap((line) => [
    { text: lineSentence(line, year, name), figures: ['subprojects'] },
    { text: projectionSentence(line.projection, name(line.name)), figures: ['subprojects'] },
  ]);
}

const DESCRIPTION =
  'Per sub-project (the repositories its names and globs match): commits per calendar year from since to the as-of date; its lines state active contributors, growth, the organisations of the last 12 months, the share from outside the largest, and the growth projection.';

const base = defineMetric<
  SubprojectMemberRow,
  SubprojectsFields,
  ReportScope & CommitsByYearFields
>({
  name: 'subprojects',
  title: 'Sub-projects',
  description: DESCRIPTION,
  sql,
  tables: [{ name: 'subprojects' }],
  fields: () => ({ subprojects: [] }),
  csv: (report) =>
    csvTable(report.subprojects, {
      subproject: (s) => s.name,
      repositories: (s) => s.repositories.join(' '),
      lists: (s) => s.lists.join(' '),
      commits_last_full_year: (s) =>
        s.commitsByYear.find((y) => y.year === lastFullYear(report))?.commits,
      contributors_last_full_year: (s) =>
        s.contributorsByYear.find((y) => y.year === lastFullYear(report))?.contributors,
      growth_from: (s) => s.growth?.fromYear,
      growth_to: (s) => s.growth?.toYear,
      growth_cagr: (s) => s.growth?.cagr,
      last_12_months_commits: (s) => s.last12Months.commits,
      last_12_months_organisations: (s) => s.last12Months.organisations,
      largest_organisation: (s) => s.last12Months.largest?.organisation,
      outside_largest_share: (s) => s.last12Months.outsideShare,
      commits_annual_growth: (s) => s.projection.commits.annualGrowth,
      commits_growth_low: (s) => s.projection.commits.low,
      commits_growth_high: (s) => s.projection.commits.high,
      contributors_annual_growth: (s) => s.projection.contributors.annualGrowth,
      contributors_growth_low: (s) => s.projection.contributors.low,
      contributors_growth_high: (s) => s.projection.contributors.high,
    }),
  figure: {
    draw: (report, view) => ({
      title: 'Commits per year by sub-project',
      subtitle: periodSubtitle(report.project, report.since, report.asOf),
      chart: {
        chart: 'year-lines',
        rows: report.subprojects.flatMap((s) =>
          s.commitsByYear.map((y) => ({ year: y.year, name: s.name, value: y.commits })),
        ),
        unit: 'commits',
        top: Math.max(1, report.subprojects.length),
        ownColours: true,
        partialYear: report.commitsByYear.find((r) => r.partial)?.year ?? null,
      },
      ...(view.kind === 'reviews'
        ? { description: `${DESCRIPTION} (Commits: this chart does not switch to reviews.)` }
        : {}),
    }),
  },
  sentences,
});

/** The last calendar year wholly before the as-of date. */
function lastFullYear(report: ReportScope): number {
  return Number(report.asOf.slice(0, 4)) - 1;
}

/**
 * One line per sub-project: its members come from its query (the `subprojects` table), its
 * figures from the report's own metrics run on its repositories alone.
 */
export const subprojects: typeof base = {
  ...base,
  collect: async (db, params) => {
    const members = groups(await base.run(db, params));
    return { subprojects: await Promise.all(members.map((group) => lineOf(db, params, group))) };
  },
};
