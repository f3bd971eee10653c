/**
 * One generated project for the report's golden files and the CLI test: ten years of commits by
 * organisations whose stories are known (steady Citrix, rising Arm and AMD, EPAM's first
 * contribution in November 2016 and its reviews since, AWS new in 2017, a share of Unknown), plus
 * two organisations with hostile names for the escaping. Deterministic: a seeded generator.
 */
import type { FixtureCommit, FixtureGithubReview } from '../metrics/contributions-fixture.ts';

/** Commits per organisation per year; 2018 runs to the report's as-of date 2018-06-01. */
const PLAN: Record<string, Record<number, number>> = {
  Citrix: {
    2009: 60,
    2010: 64,
    2011: 70,
    2012: 72,
    2013: 75,
    2014: 80,
    2015: 82,
    2016: 85,
    2017: 88,
    2018: 40,
  },
  SUSE: {
    2009: 30,
    2010: 32,
    2011: 35,
    2012: 36,
    2013: 38,
    2014: 40,
    2015: 42,
    2016: 40,
    2017: 41,
    2018: 18,
  },
  Intel: {
    2009: 40,
    2010: 42,
    2011: 40,
    2012: 35,
    2013: 30,
    2014: 28,
    2015: 25,
    2016: 20,
    2017: 15,
    2018: 5,
  },
  Oracle: {
    2009: 20,
    2010: 22,
    2011: 25,
    2012: 25,
    2013: 24,
    2014: 22,
    2015: 20,
    2016: 18,
    2017: 16,
    2018: 6,
  },
  AMD: { 2011: 10, 2012: 10, 2013: 10, 2014: 10, 2015: 10, 2016: 10, 2017: 16, 2018: 14 },
  Arm: { 2013: 4, 2014: 8, 2015: 12, 2016: 16, 2017: 30, 2018: 20 },
  AWS: { 2017: 5, 2018: 9 },
  EPAM: { 2017: 3, 2018: 4 },
  Unknown: {
    2009: 5,
    2010: 6,
    2011: 8,
    2012: 8,
    2013: 9,
    2014: 10,
    2015: 11,
    2016: 12,
    2017: 12,
    2018: 6,
  },
  'Evil *Corp* <b>x</b> | [a](javascript:alert(1))': { 2016: 2, 2017: 1 },
  '=HYPERLINK("http://x.example")': { 2015: 1 },
};

/** Each organisation's address domain. */
const DOMAINS: Record<string, string> = {
  Citrix: 'citrix.com',
  SUSE: 'suse.com',
  Intel: 'intel.com',
  Oracle: 'oracle.com',
  AMD: 'amd.com',
  Arm: 'arm.com',
  AWS: 'amazon.com',
  EPAM: 'epam.com',
  Unknown: 'example.net',
  'Evil *Corp* <b>x</b> | [a](javascript:alert(1))': 'evil.example',
  '=HYPERLINK("http://x.example")': 'formula.example',
};

/** Who reviews: organisation → share of its commits' trailers it makes (by weight). */
const REVIEWERS: Array<[string, number]> = [
  ['Citrix', 5],
  ['SUSE', 3],
  ['Arm', 1],
  ['Unknown', 1],
];

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The generated project: commits (with trailer reviews) and GitHub reviews. */
export function generatedProject(seed = 2018): {
  commits: FixtureCommit[];
  githubReviews: FixtureGithubReview[];
} {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const commits: FixtureCommit[] = [];
  for (const [organisation, years] of Object.entries(PLAN)) {
    const people = Array.from({ length: 4 }, (_, i) => `dev${i + 1}@${DOMAINS[organisation]}`);
    for (const [yearText, count] of Object.entries(years)) {
      const year = Number(yearText);
      // 2018 runs to 31 May; EPAM's and AWS's first year starts late.
      const firstMonth =
        organisation === 'AWS' && year === 2017
          ? 3
          : organisation === 'EPAM' && year === 2017
            ? 2
            : 1;
      const lastMonth = year === 2018 ? 5 : 12;
      for (let i = 0; i < count; i++) {
        const month = firstMonth + Math.floor(next() * (lastMonth - firstMonth + 1));
        const day = 1 + Math.floor(next() * 28);
        const time = `${year}-${pad(month)}-${pad(day)}T${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}:00Z`;
        const reviews = [];
        const n = Math.floor(next() * 3);
        for (let r = 0; r < n; r++) {
          const weights = REVIEWERS.reduce((sum, [, w]) => sum + w, 0);
          let at = next() * weights;
          const reviewer = REVIEWERS.find(([, w]) => (at -= w) < 0)?.[0] ?? 'Citrix';
          reviews.push({
            email: pick([`rev1@${DOMAINS[reviewer]}`, `rev2@${DOMAINS[reviewer]}`]),
            organisation: reviewer,
          });
        }
        // EPAM reviews from 2017 on.
        if (year >= 2017 && next() < 0.35)
          reviews.push({ email: 'maintainer@epam.com', organisation: 'EPAM' });
        const area = pick(['xen/arch/arm/', 'xen/arch/x86/', 'tools/', 'docs/']);
        commits.push({
          time,
          email: pick(people),
          organisation,
          repositories: next() < 0.1 ? ['osstest'] : ['xen'],
          files: [`${area}file${Math.floor(next() * 20)}.c`],
          reviews,
        });
      }
    }
  }
  // EPAM's first contribution: a review in November 2016.
  commits.push({
    time: '2016-11-08T10:00:00Z',
    email: 'dev1@citrix.com',
    organisation: 'Citrix',
    repositories: ['xen'],
    files: ['xen/arch/arm/gic.c'],
    reviews: [{ email: 'maintainer@epam.com', organisation: 'EPAM' }],
  });
  commits.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  commits.forEach((c, i) => (c.id = `${pad(i, 5)}${'0'.repeat(35)}`));
  const githubReviews: FixtureGithubReview[] = Array.from({ length: 6 }, (_, i) => ({
    time: `2018-0${1 + (i % 5)}-1${i}T09:00:00Z`,
    email: 'maintainer@epam.com',
    organisation: 'EPAM',
    repository: 'xen-project/xen',
    // Every other pull request by a Citrix developer; the others' authors nobody can name.
    ...(i % 2 === 0 ? { author: { email: 'dev1@citrix.com', organisation: 'Citrix' } } : {}),
  }));
  return { commits, githubReviews };
}
