import sql from './query.sql?raw';
import { defineMetric } from '../report-metric.ts';
import { csvTable } from '../../report/csv-table.ts';

/** One organisation's reviews in one calendar year. */
export interface ReviewsByOrganisationRow {
  /** An organisation, or `Unknown`. */
  organisation: string;
  year: number;
  reviews: number;
}

/** Its field of the weather report. */
export interface ReviewsByOrganisationFields {
  reviewsByOrganisation: ReviewsByOrganisationRow[];
}

/** Reviews per organisation per year in [since, asOf); `Unknown` included, last in each year. */
export const reviewsByOrganisation = defineMetric<
  ReviewsByOrganisationRow,
  ReviewsByOrganisationFields
>({
  name: 'reviews-by-organisation',
  title: 'Reviews by organisation',
  description:
    'Reviews (Reviewed-by and Acked-by trailers, GitHub reviews) per organisation per calendar year from since to the as-of date, Unknown included.',
  sql,
  fields: (rows) => ({ reviewsByOrganisation: rows }),
  csv: (report) =>
    csvTable(report.reviewsByOrganisation, {
      year: (r) => r.year,
      organisation: (r) => r.organisation,
      reviews: (r) => r.reviews,
    }),
});
