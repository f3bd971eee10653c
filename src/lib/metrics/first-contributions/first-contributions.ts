import sql from './query.sql?raw';
import { defineMetric } from '../report-metric.ts';
import { csvTable } from '../../report/csv-table.ts';

/** An organisation's first contribution. */
export interface FirstContributionRow {
  organisation: string;
  /** `YYYY-MM-DD` (UTC) of its first counted commit or review. */
  date: string;
}

/** Its field of the weather report. */
export interface FirstContributionsFields {
  /** The day of each organisation's first counted commit or review. */
  firstContributions: FirstContributionRow[];
}

/** Each organisation's first counted commit or review (whole history before asOf), earliest first. */
export const firstContributions = defineMetric<FirstContributionRow, FirstContributionsFields>({
  name: 'first-contributions',
  title: 'First contributions',
  description:
    "The day of each organisation's first counted commit or review before the as-of date, over the whole history.",
  sql,
  fields: (rows) => ({ firstContributions: rows }),
  dashboard: false,
  csv: (report) =>
    csvTable(report.firstContributions, {
      organisation: (r) => r.organisation,
      date: (r) => r.date,
    }),
});
