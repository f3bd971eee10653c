import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** An organisation's first contribution. */
export interface FirstContributionRow {
  organisation: string;
  /** `YYYY-MM-DD` (UTC) of its first counted commit or review. */
  date: string;
}

/** Each organisation's first counted commit or review (whole history before asOf), earliest first. */
export const firstContributions = defineMetric<FirstContributionRow>({
  name: 'first-contributions',
  title: 'First contributions',
  description:
    "The day of each organisation's first counted commit or review before the as-of date, over the whole history.",
  sql,
});
