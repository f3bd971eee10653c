import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One organisation's reviews in one calendar year. */
export interface ReviewsByOrganisationRow {
  /** An organisation, or `Unknown`. */
  organisation: string;
  year: number;
  reviews: number;
}

/** Reviews per organisation per year in [since, asOf); `Unknown` included, last in each year. */
export const reviewsByOrganisation = defineMetric<ReviewsByOrganisationRow>({
  name: 'reviews-by-organisation',
  title: 'Reviews by organisation',
  description:
    'Reviews (Reviewed-by and Acked-by trailers, GitHub reviews) per organisation per calendar year from since to the as-of date, Unknown included.',
  sql,
});
