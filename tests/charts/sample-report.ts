/**
 * A weather report generated for chart tests: eight organisations over 2011..2018 (2018 partial at
 * the as-of date 2018-06-01), Unknown contributions, reviews, newcomers and risers. Deterministic
 * (seeded), so golden SVGs stay byte-identical.
 */
import { emptyFigures } from '../../src/lib/report/build-weather-report.ts';
import type { WeatherReport } from '../../src/lib/report/weather-report.ts';

/** A small linear congruential generator: the same seed gives the same numbers everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ORGANISATIONS = ['Citrix', 'SUSE', 'AMD', 'Arm', 'Intel', 'Oracle', 'EPAM', 'AWS', 'Huawei'];

/** Options to make odd reports from the same generator. */
export interface SampleOptions {
  seed?: number;
  /** Replace organisation names (e.g. with hostile strings). */
  rename?: Record<string, string>;
}

/** The mailing-list fields of the sample: 2015..2018 with quarters, from a generator of their own. */
function sampleMail(
  name: (org: string) => string,
): Pick<WeatherReport, 'reviewFlowByPeriod' | 'mailReviewsByOrganisation' | 'mailReviewersByYear'> {
  const next = random(7);
  const reviewFlowByPeriod: WeatherReport['reviewFlowByPeriod'] = [];
  for (const year of [2015, 2016, 2017, 2018]) {
    for (const quarter of year === 2018 ? [null, 1, 2] : [null, 1, 2, 3, 4]) {
      const scale = quarter === null ? (year === 2018 ? 1.6 : 4) : 1;
      const changes = Math.round((300 + (year - 2015) * 40) * scale * (0.85 + next() * 0.3));
      const reviewed = Math.round(changes * (0.62 + next() * 0.2));
      const firstReview = 0.8 + next() * 2.5 + (year - 2015) * 0.3;
      const merge = 18 + next() * 20;
      reviewFlowByPeriod.push({
        year,
        quarter,
        changes,
        reviewed,
        merged: Math.round(changes * (0.4 + next() * 0.15)),
        unanswered: Math.round((changes - reviewed) * 0.8),
        answerable: year === 2018 && quarter !== 1 ? Math.round(changes * 0.8) : changes,
        medianDaysToFirstReview: firstReview,
        p75DaysToFirstReview: firstReview * (2.2 + next()),
        medianDaysToMerge: merge,
        p75DaysToMerge: merge * (1.8 + next() * 0.5),
        meanVersions: 1.3 + next() * 0.4,
        twoOrMoreVersions: Math.round(changes * (0.28 + next() * 0.1)),
        threeOrMoreVersions: Math.round(changes * (0.1 + next() * 0.08)),
      });
    }
  }
  const reviewers = ['Citrix', 'SUSE', 'Arm', 'AMD', 'Intel', 'EPAM', 'Oracle'];
  const mailReviewsByOrganisation: WeatherReport['mailReviewsByOrganisation'] = [];
  for (const year of [2015, 2016, 2017, 2018]) {
    reviewers.forEach((org, i) => {
      if (org === 'EPAM' && year < 2017) return;
      const reviews = Math.round(
        (900 / (i + 1.2)) * (0.7 + next() * 0.6) * (year === 2018 ? 0.42 : 1),
      );
      mailReviewsByOrganisation.push({
        organisation: name(org),
        year,
        reviews,
        tags: Math.round(reviews * 0.4),
      });
    });
    mailReviewsByOrganisation.push({ organisation: 'Unknown', year, reviews: 90, tags: 20 });
  }
  const mailReviewersByYear = [2015, 2016, 2017, 2018].map((year, i) => ({
    year,
    reviews: 2400 + i * 100,
    reviewers: 140 + i * 12,
    halfReviewers: 9 - i,
  }));
  return { reviewFlowByPeriod, mailReviewsByOrganisation, mailReviewersByYear };
}

/** The generated report. */
export function sampleReport(options: SampleOptions = {}): WeatherReport {
  const next = random(options.seed ?? 42);
  const name = (org: string) => options.rename?.[org] ?? org;
  const years = [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018];
  const organisationsByYear: WeatherReport['organisationsByYear'] = [];
  for (const year of years) {
    const scale = year === 2018 ? 0.42 : 1;
    ORGANISATIONS.forEach((org, i) => {
      if (org === 'EPAM' && year < 2017) return;
      if (org === 'AWS' && year < 2017) return;
      const base = Math.round((1400 / (i + 1.5)) * (0.7 + next() * 0.6) * scale);
      organisationsByYear.push({ year, organisation: name(org), commits: base });
    });
    organisationsByYear.push({
      year,
      organisation: 'Unknown',
      commits: Math.round(120 * scale * (0.8 + next() * 0.4)),
    });
  }
  const commitsByYear = years.map((year) => ({
    year,
    commits: organisationsByYear.filter((r) => r.year === year).reduce((s, r) => s + r.commits, 0),
    partial: year === 2018,
  }));
  const totals = new Map<string, number>();
  for (const row of organisationsByYear) {
    totals.set(row.organisation, (totals.get(row.organisation) ?? 0) + row.commits);
  }
  const totalCommits = commitsByYear.reduce((s, r) => s + r.commits, 0);
  const ranked = [...totals.entries()]
    .filter(([org]) => org !== 'Unknown')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const topOrganisations = ranked.map(([organisation, commits]) => ({
    organisation,
    commits,
    share: commits / totalCommits,
  }));
  const unknownCommits = totals.get('Unknown') ?? 0;
  const last = organisationsByYear.filter((r) => r.year >= 2017);
  const lastTotals = new Map<string, number>();
  for (const row of last) {
    const c = Math.round(row.commits * (row.year === 2017 ? 0.58 : 1));
    lastTotals.set(row.organisation, (lastTotals.get(row.organisation) ?? 0) + c);
  }
  const lastAll = [...lastTotals.values()].reduce((a, b) => a + b, 0);
  const lastRanked = [...lastTotals.entries()]
    .filter(([org]) => org !== 'Unknown')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([organisation, commits]) => ({ organisation, commits, share: commits / lastAll }));
  const lastTop = lastRanked.slice(0, 6).reduce((s, r) => s + r.commits, 0);
  const scope = {
    project: 'xen',
    asOf: '2018-06-01',
    since: '2011-01-01',
    top: 6,
    filters: { repositories: [], paths: [] },
  };
  return {
    // Every metric's fields, empty, so a new metric needs nothing here; then the sample's.
    ...emptyFigures(scope),
    ...scope,
    commitsByYear,
    yearToDate: {
      from: '2018-01-01',
      to: '2018-06-01',
      commits: commitsByYear[7]?.commits ?? 0,
      previousFrom: '2017-01-01',
      previousTo: '2017-06-01',
      previousCommits: Math.round((commitsByYear[6]?.commits ?? 0) * 0.38),
      growth:
        (commitsByYear[7]?.commits ?? 0) / Math.round((commitsByYear[6]?.commits ?? 0) * 0.38) - 1,
    },
    topOrganisations,
    totalCommits,
    unknown: { commits: unknownCommits, share: unknownCommits / totalCommits },
    last12Months: {
      from: '2017-06-01',
      to: '2018-06-01',
      commits: lastAll,
      topShare: lastTop / lastAll,
      sameTopAsSince: false,
      organisations: lastRanked,
      unknown: {
        commits: lastTotals.get('Unknown') ?? 0,
        share: (lastTotals.get('Unknown') ?? 0) / lastAll,
      },
    },
    organisationsByYear,
    reviewsAgainstCommits: ranked
      .map(([organisation, commits], i) => ({
        organisation,
        commits,
        reviews: Math.round(commits * (i % 3 === 0 ? 1.6 : 0.3 + next() * 0.6)),
      }))
      .concat([{ organisation: 'Unknown', commits: unknownCommits, reviews: 40 }]),
    risers: [
      {
        organisation: name('Arm'),
        last12Months: 900,
        yearlyAverageBefore: 410,
        ratio: 900 / 410,
        fromYear: 2011,
        toYear: 2016,
      },
      {
        organisation: name('AMD'),
        last12Months: 1000,
        yearlyAverageBefore: 480,
        ratio: 1000 / 480,
        fromYear: 2011,
        toYear: 2016,
      },
    ],
    newcomers: [
      {
        organisation: name('EPAM'),
        firstContribution: '2017-02-14',
        commits: 180,
        reviews: 260,
        commitsLast12Months: 120,
        reviewsLast12Months: 200,
      },
      {
        organisation: name('AWS'),
        firstContribution: '2017-05-03',
        commits: 140,
        reviews: 35,
        commitsLast12Months: 140,
        reviewsLast12Months: 35,
      },
    ],
    activeContributorsByYear: years.map((year, i) => ({ year, contributors: 80 + i * 11 })),
    newContributorsByYear: years.map((year, i) => ({ year, contributors: 20 + (i % 3) * 4 })),
    elephantFactorByYear: years.map((year, i) => ({ year, elephantFactor: 2 + (i > 4 ? 1 : 0) })),
    pullRequestsByOrganisation: organisationsByYear
      .filter((r) => r.year >= 2015)
      .map((r) => ({
        year: r.year,
        organisation: r.organisation,
        opened: Math.round(r.commits / 10),
        merged: Math.round(r.commits / 14),
      })),
    pullRequestsTimeToFirstReview: [2015, 2016, 2017, 2018].map((year, i) => ({
      year,
      opened: 120 + i * 30,
      reviewed: 100 + i * 25,
      medianHours: 40 - i * 6.5,
    })),
    ...sampleMail(name),
    sentences: [
      'Commits have grown on average by 11% a year since 2014.',
      'The top 6 organisations since 2011 are Citrix, SUSE, AMD, Arm, Intel and Oracle.',
    ],
  };
}
