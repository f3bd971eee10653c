/**
 * A generated project of five repositories in sub-projects with known figures, for the sub-project
 * and projection tests: `Apps` (app-one, app-two) grows by a known rate (commits 5% a month,
 * active contributors 3% a month, Poisson noise) from June 2015; `Core` (core, core-docs) stays
 * level; `New` (fresh) starts in November 2017; one commit is held by both core and app-one.
 * Deterministic: a seeded generator.
 */
import { poisson, random } from '../projection/poisson.ts';
import type { FixtureCommit } from './contributions-fixture.ts';

/** The sub-projects of the generated project, as a config would name them. */
export const SUBPROJECTS = {
  Core: ['core', 'core-*'],
  Apps: ['app-*'],
  New: ['fresh'],
  Empty: ['nothing-*'],
};

/** The true annual growth rates of `Apps`. */
export const APPS_COMMITS_GROWTH = 1.05 ** 12 - 1;
export const APPS_CONTRIBUTORS_GROWTH = 1.03 ** 12 - 1;

const ORGANISATIONS = ['Alpha', 'Beta', 'Gamma', 'Unknown'];

/** `YYYY-MM-DDT12:00:00Z` of day `day` of month `index` after June 2015. */
function at(index: number, day: number): string {
  const date = new Date(Date.UTC(2015, 5 + index, day, 12));
  return date.toISOString().replace('.000', '');
}

/** The generated commits. */
export function subprojectCommits(seed = 19): FixtureCommit[] {
  const next = random(seed);
  const commits: FixtureCommit[] = [];
  for (let m = 0; m < 36; m++) {
    // Apps: k distinct authors (the first k of its pool) and n ≥ k commits over them.
    const k = Math.max(1, poisson(4 * 1.03 ** m, next));
    const n = Math.max(k, poisson(12 * 1.05 ** m, next));
    for (let i = 0; i < n; i++) {
      const author = i % k;
      commits.push({
        time: at(m, 1 + (i % 27)),
        email: `app${author}@apps.example`,
        organisation: ORGANISATIONS[author % 4]!,
        repositories: [i % 2 === 0 ? 'app-one' : 'app-two'],
      });
    }
    // Core: about 40 a month by six people, level.
    const level = poisson(40, next);
    for (let i = 0; i < level; i++) {
      commits.push({
        time: at(m, 1 + (i % 27)),
        email: `core${i % 6}@core.example`,
        organisation: i % 6 < 4 ? 'Alpha' : 'Delta',
        repositories: [i % 5 === 0 ? 'core-docs' : 'core'],
      });
    }
    if (m >= 29) {
      for (let i = 0; i < 10; i++) {
        commits.push({
          time: at(m, 2 + i),
          email: 'new@fresh.example',
          organisation: 'Epsilon',
          repositories: ['fresh'],
        });
      }
    }
  }
  commits.push({
    time: '2018-03-15T09:00:00Z',
    email: 'shared@core.example',
    organisation: 'Delta',
    repositories: ['app-one', 'core'],
  });
  return commits;
}
