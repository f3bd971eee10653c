/**
 * The weather report's data: what `barometer report` writes as weather.json, what the text and the
 * figures are made from, and what the dashboard shows. Field names are a stable, documented format.
 * Shares and growth rates are fractions (0.4, not 40); dates are UTC calendar days `YYYY-MM-DD`;
 * growth is null where the earlier figure is zero.
 */

/** An organisation's count and its share of all counted contributions of the period. */
export interface OrganisationShare {
  organisation: string;
  commits: number;
  /** commits / all commits of the period, `Unknown`'s included. */
  share: number;
}

/** How much of a period no map covers. */
export interface UnknownShare {
  commits: number;
  share: number;
}

export interface WeatherReport {
  project: string;
  /** Exclusive end of every period. */
  asOf: string;
  /** Inclusive start of the "since" ranking and of the per-year series. */
  since: string;
  /** N of "the top N". */
  top: number;
  /** Narrowing applied to every figure; empty lists mean everything. */
  filters: { repositories: string[]; paths: string[] };
  /** Commits per calendar year from `since` to `asOf`; the last is partial when `asOf` is not 1 Jan. */
  commitsByYear: Array<{ year: number; commits: number; partial: boolean }>;
  commitsByQuarter: Array<{ quarter: string; commits: number; partial: boolean }>;
  commitsByMonth: Array<{ month: string; commits: number; partial: boolean }>;
  /** Growth over `fromYear`..`toYear` (full years): compound annual rate and mean of yearly rates. */
  growth: {
    fromYear: number;
    toYear: number;
    cagr: number | null;
    meanYoY: number | null;
    byYear: Array<{ year: number; growth: number | null }>;
  } | null;
  /** [1 January, asOf) against the same span a year earlier. */
  yearToDate: {
    from: string;
    to: string;
    commits: number;
    previousFrom: string;
    previousTo: string;
    previousCommits: number;
    growth: number | null;
  };
  /** Every organisation with commits in [since, asOf), ranked; never `Unknown`. */
  topOrganisations: OrganisationShare[];
  /** All commits in [since, asOf), `Unknown`'s included. */
  totalCommits: number;
  unknown: UnknownShare;
  last12Months: {
    from: string;
    to: string;
    commits: number;
    /** Share of the top N organisations of the last 12 months. */
    topShare: number;
    /** Whether the last 12 months' top N is the same set of names as the `since` top N. */
    sameTopAsSince: boolean;
    organisations: OrganisationShare[];
    unknown: UnknownShare;
  };
  /** Commits per organisation per calendar year (`Unknown` included, marked by its name). */
  organisationsByYear: Array<{ year: number; organisation: string; commits: number }>;
  reviewsByOrganisation: Array<{ organisation: string; year: number; reviews: number }>;
  /** Each organisation's reviews and commits in [since, asOf). */
  reviewsAgainstCommits: Array<{ organisation: string; reviews: number; commits: number }>;
  /** The day of each organisation's first counted commit or review. */
  firstContributions: Array<{ organisation: string; date: string }>;
  /** Organisations whose last 12 months are at least twice their yearly average before. */
  risers: Array<{
    organisation: string;
    last12Months: number;
    yearlyAverageBefore: number;
    ratio: number;
    /** First and last full calendar year of "before" (see the README's definition). */
    fromYear: number;
    toYear: number;
  }>;
  /** Organisations whose first contribution falls in the last 24 months. */
  newcomers: Array<{
    organisation: string;
    firstContribution: string;
    /** All its commits and reviews (all fall in the last 24 months). */
    commits: number;
    reviews: number;
    /** Its commits and reviews in the last 12 months. */
    commitsLast12Months: number;
    reviewsLast12Months: number;
  }>;
  activeContributorsByYear: Array<{ year: number; contributors: number }>;
  /** People whose first counted commit falls in the year. */
  newContributorsByYear: Array<{ year: number; contributors: number }>;
  /**
   * The fewest organisations (not Unknown) whose commits reach half of all the year's commits:
   * 0 for a year without commits, null when Unknown holds more than half of them.
   */
  elephantFactorByYear: Array<{ year: number; elephantFactor: number | null }>;
  /** The sentences a speaker reads out, in order, each backed by a figure above. */
  sentences: string[];
}
