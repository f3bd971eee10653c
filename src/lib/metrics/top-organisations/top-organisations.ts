import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One organisation's commits in [since, asOf). */
export interface TopOrganisationRow {
  /** The organisation, or `Unknown` (unmapped addresses), which is never ranked. */
  organisation: string;
  commits: number;
  /** commits / all commits in [since, asOf), Unknown's included; a fraction. */
  share: number;
  /** 1 = most commits (ties by name); null for `Unknown`. */
  rank: number | null;
}

/** Every organisation's commits and share since `since`, ranked; `Unknown` last, unranked. */
export const topOrganisations = defineMetric<TopOrganisationRow>({
  name: 'top-organisations',
  title: 'Top organisations',
  description:
    'Commits and share of all commits per organisation in [since, as-of), ranked by commits then name; Unknown is listed last without a rank but counts in every share.',
  sql,
});
