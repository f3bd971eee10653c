import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { joinNames, multipleWords, spellNumber } from '../../report/format-figures.ts';
import {
  defineMetric,
  type NameFormat,
  type ReportScope,
  type ReportSentence,
} from '../report-metric.ts';

/** An organisation whose last 12 months are at least twice its yearly average before. */
export interface RiserRow {
  organisation: string;
  /** Commits in [asOf − 1 year, asOf). */
  last12Months: number;
  /** Commits per year over the full years fromYear..toYear. */
  yearlyAverageBefore: number;
  /** last12Months / yearlyAverageBefore (≥ 2). */
  ratio: number;
  /** First year of "before": the later of the first full year from `since` and the first commit's year. */
  fromYear: number;
  /** Last year of "before": the last calendar year that ends on or before asOf − 1 year. */
  toYear: number;
}

/** Its field of the weather report. */
export interface RisersFields {
  /** Organisations whose last 12 months are at least twice their yearly average before. */
  risers: RiserRow[];
}

/** "In the last 12 months, Arm contributed about four times as much as in previous years; …". */
function risersSentence(report: ReportScope & RisersFields, name: NameFormat): ReportSentence[] {
  if (report.risers.length === 0) {
    return [
      {
        text: 'No organisation contributed twice as much in the last 12 months as in previous years.',
        figures: ['organisations-over-time'],
        counts: 'commits',
      },
    ];
  }
  const named = report.risers.slice(0, report.top);
  const groups: Array<{ words: string; names: string[] }> = [];
  for (const riser of named) {
    const words = multipleWords(riser.ratio);
    const group = groups.find((g) => g.words === words);
    if (group) group.names.push(name(riser.organisation));
    else groups.push({ words, names: [name(riser.organisation)] });
  }
  const parts = groups.map((g, i) =>
    i === 0
      ? `${joinNames(g.names)} contributed ${g.words} as much as in previous years`
      : `${joinNames(g.names)} ${g.words} as much`,
  );
  const others = report.risers.length - named.length;
  const tail =
    others > 0
      ? `; ${spellNumber(others)} other organisation${others === 1 ? '' : 's'} at least twice as much`
      : '';
  return [
    {
      text: `In the last 12 months, ${parts.join('; ')}${tail}.`,
      figures: ['organisations-over-time'],
      counts: 'commits',
      names: named.map((riser) => riser.organisation),
    },
  ];
}

/**
 * Risers: organisations whose commits in the last 12 months are at least twice their average per
 * full year before (see its query.sql for "before"), largest last 12 months first, ties by name.
 */
export const risers = defineMetric<RiserRow, RisersFields, ReportScope>({
  name: 'risers',
  title: 'Risers',
  description:
    'Organisations whose commits in the last 12 months are at least twice their average per full calendar year before (from since or their first commit, to the last year ending before the window).',
  sql,
  fields: (rows) => ({ risers: rows }),
  csv: (report) =>
    csvTable(report.risers, {
      organisation: (r) => r.organisation,
      last_12_months: (r) => r.last12Months,
      yearly_average_before: (r) => r.yearlyAverageBefore,
      ratio: (r) => r.ratio,
      from_year: (r) => r.fromYear,
      to_year: (r) => r.toYear,
    }),
  sentences: risersSentence,
  organisations: (report) => report.risers.map((r) => r.organisation),
});
