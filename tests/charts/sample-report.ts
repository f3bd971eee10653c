/**
 * A weather report generated for chart tests: eight organisations over 2011..2018 (2018 partial at
 * the as-of date 2018-06-01), Unknown contributions, reviews, newcomers and risers. Deterministic
 * (seeded), so golden SVGs stay byte-identical.
 */
import { crossOrganisationShares } from '../../src/lib/metrics/review-matrix/review-matrix.ts';
import { emptyFigures } from '../../src/lib/report/build-weather-report.ts';
import { addMonths, summariseProjection } from '../../src/lib/metrics/projection/projection.ts';
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

/** Who reviews whom, review bandwidth and reviews by area, from the same generator. */
function reviewFigures(next: () => number, name: (org: string) => string, years: number[]) {
  const reviewers = ['Citrix', 'SUSE', 'Arm', 'AMD', 'EPAM', 'Intel', 'Oracle', 'AWS'];
  const reviewMatrix = years.flatMap((year) =>
    [...reviewers, 'Unknown'].flatMap((reviewer, i) =>
      reviewers.slice(0, 6).flatMap((author, j) => {
        const reviews = Math.round((i === j ? 60 : 25) * next() * (year === 2018 ? 0.4 : 1));
        const organisation = (org: string) => (org === 'Unknown' ? org : name(org));
        return reviews > 0
          ? [
              {
                year,
                reviewerOrganisation: organisation(reviewer),
                authorOrganisation: organisation(author),
                reviews,
              },
            ]
          : [];
      }),
    ),
  );
  const areas = ['THE REST', 'X86 ARCHITECTURE', 'ARM ARCHITECTURE', 'TOOLSTACK', 'SCHEDULING'];
  const reviewBandwidth = areas.flatMap((area, a) =>
    years.map((year) => {
      const commits = Math.round((900 / (a + 1)) * (0.6 + next() * 0.8));
      return {
        area,
        year,
        reviews: Math.round(commits * (0.6 + next() * 1.2)),
        commits,
        reviewers: 5 + Math.round(next() * 30),
        busFactor: 1 + Math.round(next() * 4),
      };
    }),
  );
  const reviewsByArea = areas.flatMap((area) =>
    years.flatMap((year) => {
      const counts = reviewers.map((org) => ({ org, reviews: Math.round(next() * 120) }));
      const all = counts.reduce((sum, c) => sum + c.reviews, 0) || 1;
      return counts.map(({ org, reviews }) => ({
        area,
        year,
        organisation: name(org),
        reviews,
        share: reviews / all,
      }));
    }),
  );
  return {
    reviewMatrix,
    crossOrganisationShareByYear: crossOrganisationShares(reviewMatrix),
    reviewBandwidth,
    reviewsByArea,
  };
}

/** Code size at release tags (an Arm area with a target) and one area's changed lines. */
function codeSizeFigures(next: () => number, name: (org: string) => string) {
  const tags = [
    'RELEASE-4.8.0',
    'RELEASE-4.9.0',
    'RELEASE-4.10.0',
    'RELEASE-4.10.1',
    'RELEASE-4.11.0',
  ];
  const codeSize = tags.flatMap((at, t) =>
    (['Arm', 'x86'] as const).flatMap((area) =>
      (['C', 'Assembly', 'Text'] as const).map((language) => ({
        repository: 'xen.git',
        at,
        kind: 'tag' as const,
        commit: `${t}`.padStart(40, 'a'),
        date: `201${6 + Math.floor(t / 2)}-0${1 + t}-15`,
        area,
        language,
        files: 40 + t * 3,
        code: Math.round(
          (area === 'Arm' ? 30_000 : 90_000) *
            (language === 'C' ? 0.85 : 0.15) *
            (1 + t * 0.05 + next() * 0.02),
        ),
        comment: 1000,
        blank: 800,
        target: area === 'Arm' ? 45_000 : null,
      })),
    ),
  );
  const linesByArea = [2015, 2016, 2017, 2018].flatMap((year) =>
    ['Arm', 'Citrix', 'EPAM', 'Other', 'Unknown'].map((organisation) => ({
      area: 'Arm',
      year,
      organisation:
        organisation === 'Other' || organisation === 'Unknown' ? organisation : name(organisation),
      added: Math.round(3000 * next() * (year === 2018 ? 0.4 : 1)),
      removed: Math.round(1200 * next() * (year === 2018 ? 0.4 : 1)),
      commits: Math.round(40 * next()),
    })),
  );
  return { codeSize, linesByArea };
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
    filters: { repositories: [], paths: [], areas: [] },
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
    ...projectionFields(next),
    subprojects: [
      subprojectLine(
        'Hypervisor',
        ['xen.git', 'mini-os.git'],
        commitsByYear,
        years,
        projectionFields(next),
      ),
      subprojectLine(
        'Unikraft',
        ['unikraft', 'unikraft-lib-musl'],
        commitsByYear.map((y) => ({
          ...y,
          commits: y.year < 2017 ? 0 : Math.round(y.commits / 9),
        })),
        years,
        projectionFields(next, 20, 1.04),
      ),
    ],
    ...reviewFigures(next, name, years),
    ...codeSizeFigures(next, name),
    ...sampleMail(name),
    sentences: [
      'Commits have grown on average by 11% a year since 2014.',
      'The top 6 organisations since 2011 are Citrix, SUSE, AMD, Arm, Intel and Oracle.',
    ],
  };
}

/** 24 months of commits and contributors growing by `monthly` a month, with some noise. */
function projectionFields(next: () => number, start = 280, monthly = 1.01) {
  const projectionByMonth = Array.from({ length: 24 }, (_, i) => ({
    month: addMonths('2016-06', i),
    commits: Math.round(start * monthly ** i * (0.85 + next() * 0.3)),
    contributors: Math.round((start / 4.5) * 1.015 ** i * (0.85 + next() * 0.3)),
    fitted: true,
  }));
  return { projectionByMonth, projection: summariseProjection(projectionByMonth) };
}

/** A sub-project's line made from the sample's series. */
function subprojectLine(
  name: string,
  repositories: string[],
  commitsByYear: WeatherReport['commitsByYear'],
  years: number[],
  projected: ReturnType<typeof projectionFields>,
): WeatherReport['subprojects'][number] {
  const last = commitsByYear.find((y) => y.year === 2017)?.commits ?? 0;
  return {
    name,
    repositories,
    lists: [],
    commitsByYear,
    contributorsByYear: years.map((year, i) => ({ year, contributors: 10 + i * 3 })),
    growth: null,
    last12Months: {
      from: '2017-06-01',
      to: '2018-06-01',
      commits: last,
      organisations: 4,
      largest: { organisation: 'Citrix', commits: Math.round(last * 0.4), share: 0.4 },
      outsideShare: 0.6,
      unknown: { commits: 0, share: 0 },
    },
    projection: projected.projection,
  };
}
