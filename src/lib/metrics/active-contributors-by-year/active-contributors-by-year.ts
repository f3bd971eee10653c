import sql from './query.sql?raw';
import { formatCount, spellNumber } from '../../report/format-figures.ts';
import { csvTable } from '../../report/csv-table.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import type { ElephantFactorFields } from '../elephant-factor-by-year/elephant-factor-by-year.ts';
import type { NewContributorsFields } from '../new-contributors-by-year/new-contributors-by-year.ts';
import { perYearFigure } from '../per-year-figure.ts';
import { defineMetric, type ReportScope, type ReportSentence } from '../report-metric.ts';

/** One year's active contributors. */
export interface ActiveContributorsRow {
  year: number;
  /** Distinct people who authored a counted commit in the year (within [since, asOf)). */
  contributors: number;
}

/** Its field of the weather report. */
export interface ActiveContributorsFields {
  activeContributorsByYear: ActiveContributorsRow[];
}

type Needs = ReportScope & CommitsByYearFields & NewContributorsFields & ElephantFactorFields;

/** "In 2017, 35 people contributed commits, 6 of them for the first time; …": the last full year. */
function contributorsSentence(report: Needs & ActiveContributorsFields): ReportSentence[] {
  const year = Number(report.asOf.slice(0, 4)) - 1;
  const active = report.activeContributorsByYear.find((y) => y.year === year);
  if (!active) return [];
  const fresh = report.newContributorsByYear.find((y) => y.year === year)?.contributors ?? 0;
  const elephant = report.elephantFactorByYear.find((y) => y.year === year)?.elephantFactor;
  const people =
    active.contributors === 1
      ? '1 person contributed'
      : `${formatCount(active.contributors)} people contributed`;
  const firstTime =
    fresh === 0
      ? ', none of them for the first time'
      : `, ${formatCount(fresh)} of them for the first time`;
  let factor = '';
  if (elephant === null) factor = "; Unknown made more than half of the year's commits";
  else if (elephant !== undefined && elephant > 0) {
    factor = `; ${elephant === 1 ? 'one organisation' : `${spellNumber(elephant)} organisations`} made half of the year's commits (the elephant factor)`;
  }
  if (active.contributors === 0) {
    return [{ text: `In ${year}, nobody contributed a commit.`, figures: [] }];
  }
  return [{ text: `In ${year}, ${people} commits${firstTime}${factor}.`, figures: [] }];
}

/** Active contributors (distinct commit authors) per calendar year in [since, asOf). */
export const activeContributorsByYear = defineMetric<
  ActiveContributorsRow,
  ActiveContributorsFields,
  Needs
>({
  name: 'active-contributors-by-year',
  title: 'Active contributors',
  description:
    'Distinct people (after .mailmap and aliases) who authored a counted commit, per calendar year from since to the as-of date.',
  sql,
  fields: (rows) => ({ activeContributorsByYear: rows }),
  csv: (report) =>
    csvTable(report.activeContributorsByYear, {
      year: (r) => r.year,
      contributors: (r) => r.contributors,
    }),
  figure: perYearFigure({
    title: 'Active contributors per year',
    unit: 'active contributors',
    rows: (report) =>
      report.activeContributorsByYear.map((r) => ({ year: r.year, value: r.contributors })),
  }),
  sentences: contributorsSentence,
});
