import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { wasmDatabase } from '../../../src/lib/db/wasm.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { renderText } from '../../../src/lib/report/render-text.ts';
import { applySubprojects } from '../../../src/lib/subprojects/apply-subprojects.ts';
import { readSubprojects } from '../../../src/lib/subprojects/subproject-members.ts';
import { openWasmEngine } from '../db/wasm-engine.ts';
import { fixtureDatabase, insertFixture } from './contributions-fixture.ts';
import {
  APPS_COMMITS_GROWTH,
  APPS_CONTRIBUTORS_GROWTH,
  SUBPROJECTS,
  subprojectCommits,
} from './subprojects-fixture.ts';

const options = { project: 'generated', clock: () => new Date('2018-06-01T00:00:00Z') };
const commits = subprojectCommits();
const REPOSITORIES = ['app-one', 'app-two', 'core', 'core-docs', 'fresh'];

/** Commits held in one of `repositories` (a commit in two counts once). */
const within = (repositories: string[]) =>
  commits.filter((c) => (c.repositories ?? []).some((r) => repositories.includes(r)));

async function fill(db: Database): Promise<void> {
  await insertFixture(db, commits);
  for (const name of REPOSITORIES) {
    await db.query(`INSERT INTO repositories VALUES ($name, 'test', 'main', NULL, NULL)`, {
      name,
    });
  }
}

describe('sub-projects', () => {
  let db: NodeDatabase;

  beforeAll(async () => {
    db = await fixtureDatabase([]);
    await fill(db);
  });
  afterAll(async () => db?.close());

  it('stores each pattern with what it matches, and names the patterns that match nothing', async () => {
    const summary = await applySubprojects(db, SUBPROJECTS);
    expect(summary).toEqual({
      subprojects: 4,
      unmatched: [{ subproject: 'Empty', pattern: 'nothing-*' }],
    });
    expect(await readSubprojects(db)).toEqual([
      { name: 'Core', repositories: ['core', 'core-docs'], lists: [] },
      { name: 'Apps', repositories: ['app-one', 'app-two'], lists: [] },
      { name: 'New', repositories: ['fresh'], lists: [] },
      { name: 'Empty', repositories: [], lists: [] },
    ]);
    // Applying the stored definitions again (a collect without a config) keeps them.
    await applySubprojects(db, 'stored');
    expect((await readSubprojects(db)).map((s) => s.name)).toEqual([
      'Core',
      'Apps',
      'New',
      'Empty',
    ]);
  });

  it('gives one line per sub-project with its known figures', async () => {
    await applySubprojects(db, SUBPROJECTS);
    const report = await buildWeatherReport(db, { since: '2015-01-01' }, options);
    expect(report.subprojects.map((s) => [s.name, s.repositories])).toEqual([
      ['Core', ['core', 'core-docs']],
      ['Apps', ['app-one', 'app-two']],
      ['New', ['fresh']],
    ]);
    for (const line of report.subprojects) {
      const own = within(line.repositories);
      for (const year of [2015, 2016, 2017, 2018]) {
        const inYear = own.filter((c) => c.time.startsWith(String(year)));
        expect(
          line.commitsByYear.find((y) => y.year === year)?.commits,
          `${line.name} ${year}`,
        ).toBe(inYear.length);
        expect(
          line.contributorsByYear.find((y) => y.year === year)?.contributors,
          `${line.name} ${year}`,
        ).toBe(new Set(inYear.map((c) => c.email)).size);
      }
      const recent = own.filter((c) => c.time >= '2017-06-01' && c.time < '2018-06-01');
      const byOrganisation = new Map<string, number>();
      for (const c of recent) {
        if (c.organisation !== 'Unknown')
          byOrganisation.set(c.organisation, (byOrganisation.get(c.organisation) ?? 0) + 1);
      }
      const [largest, most] = [...byOrganisation].sort(
        (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
      )[0]!;
      expect(line.last12Months.commits).toBe(recent.length);
      expect(line.last12Months.organisations).toBe(byOrganisation.size);
      expect(line.last12Months.largest?.organisation).toBe(largest);
      expect(line.last12Months.outsideShare).toBeCloseTo(1 - most / recent.length, 12);
    }
    // The commit held by core and app-one counts in both sub-projects.
    const march = (name: string) =>
      report.subprojects.find((s) => s.name === name)!.commitsByYear.find((y) => y.year === 2018)!;
    expect(march('Core').commits + march('Apps').commits).toBe(
      within(['core', 'core-docs']).filter((c) => c.time >= '2018').length +
        within(['app-one', 'app-two']).filter((c) => c.time >= '2018').length,
    );
  });

  it("projects Apps' known growth within its own 90% interval, Core as level, New as too young", async () => {
    const report = await buildWeatherReport(db, {}, options);
    const line = (name: string) => report.subprojects.find((s) => s.name === name)!.projection;
    const apps = line('Apps');
    expect(apps.from).toBe('2016-06');
    expect(apps.to).toBe('2018-05');
    expect(apps.commits.months).toBe(24);
    expect(apps.commits.low!).toBeLessThanOrEqual(APPS_COMMITS_GROWTH);
    expect(apps.commits.high!).toBeGreaterThanOrEqual(APPS_COMMITS_GROWTH);
    expect(apps.contributors.low!).toBeLessThanOrEqual(APPS_CONTRIBUTORS_GROWTH);
    expect(apps.contributors.high!).toBeGreaterThanOrEqual(APPS_CONTRIBUTORS_GROWTH);
    const core = line('Core');
    expect(core.commits.low!).toBeLessThan(0);
    expect(core.commits.high!).toBeGreaterThan(0);
    const fresh = line('New');
    expect(fresh.commits).toEqual({ annualGrowth: null, low: null, high: null, months: 6 });
    expect(report.sentences).toContainEqual(
      expect.stringMatching(
        /^Apps's commits are growing about \d+% a year \(90% interval \d+–\d+%\)/,
      ),
    );
    expect(report.sentences).toContain(
      'New: too little history to project (6 months of the 12 needed).',
    );
    // The whole project has a projection of the same shape.
    expect(Object.keys(report.projection.commits)).toEqual([
      'annualGrowth',
      'low',
      'high',
      'months',
    ]);
  });

  it('narrows a report to a sub-project: the same figures as its line', async () => {
    const whole = await buildWeatherReport(db, { since: '2015-01-01' }, options);
    const apps = await buildWeatherReport(
      db,
      { since: '2015-01-01', subprojects: ['Apps'] },
      options,
    );
    const line = whole.subprojects.find((s) => s.name === 'Apps')!;
    expect(apps.filters).toEqual({
      repositories: ['app-one', 'app-two'],
      paths: [],
      areas: [],
      subprojects: ['Apps'],
    });
    expect(apps.commitsByYear).toEqual(line.commitsByYear);
    expect(apps.activeContributorsByYear).toEqual(line.contributorsByYear);
    expect(apps.growth).toEqual(line.growth);
    expect(apps.projection).toEqual(line.projection);
    expect(apps.subprojects.map((s) => s.name)).toEqual(['Apps']);
    expect(renderText(apps)).toContain('sub-projects: Apps; repositories: app-one, app-two');
  });

  it("starts a young sub-project's report at its own first year, not the project's", async () => {
    const whole = await buildWeatherReport(db, {}, options);
    const fresh = await buildWeatherReport(db, { subprojects: ['New'] }, options);
    expect(whole.since < '2017-01-01').toBe(true);
    expect(fresh.since).toBe('2017-01-01');
    expect(fresh.commitsByYear[0]?.year).toBe(2017);
  });

  it('refuses an unknown sub-project in one line naming the known ones', async () => {
    await expect(buildWeatherReport(db, { subprojects: ['Kernel'] }, options)).rejects.toThrow(
      "unknown sub-project 'Kernel' (known: 'Core', 'Apps', 'New', 'Empty')",
    );
    await expect(buildWeatherReport(db, { subprojects: ['Empty'] }, options)).rejects.toThrow(
      "sub-project 'Empty' holds no repository of the database",
    );
  });

  it('gives the same lines on duckdb-wasm', async () => {
    const engine = await openWasmEngine();
    try {
      const wasm = wasmDatabase(engine.connection);
      await ensureSchema(wasm);
      await fill(wasm);
      await applySubprojects(wasm, SUBPROJECTS);
      const expected = await buildWeatherReport(db, { subprojects: ['Core'] }, options);
      expect(await buildWeatherReport(wasm, { subprojects: ['Core'] }, options)).toEqual(expected);
      const all = await buildWeatherReport(db, {}, options);
      expect((await buildWeatherReport(wasm, {}, options)).subprojects).toEqual(all.subprojects);
    } finally {
      engine.close();
    }
  });
});
