import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One organisation's reviews and commits in [since, asOf). */
export interface ReviewsAgainstCommitsRow {
  /** An organisation, or `Unknown` (last). */
  organisation: string;
  reviews: number;
  commits: number;
}

/** Each organisation's reviews against its commits in [since, asOf). */
export const reviewsAgainstCommits = defineMetric<ReviewsAgainstCommitsRow>({
  name: 'reviews-against-commits',
  title: 'Reviews against commits',
  description:
    "Each organisation's reviews and commits from since to the as-of date, Unknown included (last); most commits first.",
  sql,
});
