import sql from './query.sql?raw';
import { addDays, dayParts, longDay } from '../../report/calendar-day.ts';
import { csvTable } from '../../report/csv-table.ts';
import { formatCount, growthVerb, plural, spellNumber } from '../../report/format-figures.ts';
import { defineMetric, type ReportScope, type ReportSentence } from '../report-metric.ts';

/** Year to date against the same span a year earlier (one row). Dates are `YYYY-MM-DD`. */
export interface YearToDateRow {
  /** 1 January of the year of the last counted day. */
  from: string;
  /** The as-of date (exclusive). */
  to: string;
  commits: number;
  previousFrom: string;
  /** The as-of date one year earlier (29 February → 1 March), exclusive. */
  previousTo: string;
  previousCommits: number;
  /** commits / previousCommits − 1, a fraction; null when previousCommits is 0. */
  growth: number | null;
}

/** Its field of the weather report. */
export interface YearToDateFields {
  /** [1 January, asOf) against the same span a year earlier. */
  yearToDate: YearToDateRow;
}

/** "In the first five months of 2018" / "In 2017" / "From 1 January to 14 June 2018". */
function yearToDateSpan(from: string, to: string): { span: string; earlier: string } {
  const start = dayParts(from);
  const end = dayParts(to);
  const previousYear = start.year - 1;
  if (end.day === 1) {
    const months = end.year > start.year ? 12 : end.month - 1;
    if (months === 12) return { span: `In ${start.year}`, earlier: `${previousYear}` };
    if (months === 1) {
      return { span: `In January ${start.year}`, earlier: `January ${previousYear}` };
    }
    return {
      span: `In the first ${spellNumber(months)} months of ${start.year}`,
      earlier: `the same months of ${previousYear}`,
    };
  }
  const last = addDays(to, -1);
  if (last === from) {
    return { span: `On 1 January ${start.year}`, earlier: `1 January ${previousYear}` };
  }
  return {
    span: `From 1 January to ${longDay(last)}`,
    earlier: `the same days of ${previousYear}`,
  };
}

/**
 * "In the first five months of 2018, commits grew 33% against the same months of 2017 (…)."; with
 * none a year earlier, before the report's period (a young project), no comparison is made.
 */
function yearToDateSentence({
  yearToDate: ytd,
  since,
}: YearToDateFields & Pick<ReportScope, 'since'>): ReportSentence[] {
  const { span, earlier } = yearToDateSpan(ytd.from, ytd.to);
  const counts = `${formatCount(ytd.commits)} against ${formatCount(ytd.previousCommits)}`;
  const were = `${span}, there ${ytd.commits === 1 ? 'was' : 'were'} ${plural(ytd.commits, 'commit')}`;
  const text =
    ytd.growth === null
      ? ytd.previousFrom < since
        ? `${were}.`
        : `${were}, against none in ${earlier}.`
      : `${span}, commits ${growthVerb(ytd.growth)} against ${earlier} (${counts}).`;
  return [{ text, figures: ['commits-by-year'], counts: 'commits' }];
}

/** Commits in [1 January, asOf) against the same calendar span a year earlier, one row. */
export const yearToDate = defineMetric<YearToDateRow, YearToDateFields, ReportScope>({
  name: 'year-to-date',
  title: 'Year to date',
  description:
    'Commits from 1 January to the as-of date against the same days a year earlier (29 February maps to 1 March), and the growth as a fraction.',
  sql,
  // Its query always gives one row; without one (the metric not run) every figure is 0.
  fields: ([row]) => ({
    yearToDate: row ?? {
      from: '',
      to: '',
      commits: 0,
      previousFrom: '',
      previousTo: '',
      previousCommits: 0,
      growth: null,
    },
  }),
  csv: ({ yearToDate: y }) =>
    csvTable([y], {
      from: (r) => r.from,
      to: (r) => r.to,
      commits: (r) => r.commits,
      previous_from: (r) => r.previousFrom,
      previous_to: (r) => r.previousTo,
      previous_commits: (r) => r.previousCommits,
      growth: (r) => r.growth,
    }),
  sentences: yearToDateSentence,
});
