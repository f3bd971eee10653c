import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import { createRepository, type GitFixture } from '../helpers/git-fixture.ts';
import { insertFixture } from '../lib/metrics/contributions-fixture.ts';
import { generatedProject } from '../lib/report/generated-project.ts';
import { capture } from '../helpers/capture.ts';
import { metrics } from '../../src/lib/metrics/registry.ts';
import { runCli } from '../helpers/run-cli.ts';

const clock = () => new Date('2018-06-01T08:30:00Z');
const golden = (name: string) =>
  readFileSync(new URL(`../lib/report/golden/${name}`, import.meta.url), 'utf8');

describe('barometer report', () => {
  let dir: string;
  let dbPath: string;

  /** Runs the CLI in `dir` with the fixed clock. */
  const run = (...args: string[]) => runCli(['report', ...args], { cwd: dir, clock, env: {} });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'barometer-report-'));
    dbPath = join(dir, 'data', 'xen.duckdb');
    const db = await openNodeDatabase(dbPath);
    await ensureSchema(db);
    const { commits, githubReviews } = generatedProject();
    await insertFixture(db, commits, githubReviews);
    await db.exec(`INSERT INTO repositories VALUES
      ('osstest', 'https://example.org/osstest.git', 'master', NULL, NULL),
      ('xen', 'https://example.org/xen.git', 'master', NULL, NULL)`);
    await db.exec(
      `INSERT INTO github_repositories (full_name, api_url) VALUES ('xen-project/xen', 'http://127.0.0.1/')`,
    );
    await db.close();
    writeFileSync(
      join(dir, 'xen.json'),
      JSON.stringify({ name: 'xen', repositories: [{ source: 'https://example.org/xen.git' }] }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the text report of a database, and writes weather.md, weather.json and the CSVs', async () => {
    // `--figures none`: the figures `--out` writes by default are left out.
    const result = await run(
      'data/xen.duckdb',
      '--since',
      '2011-01-01',
      '--out',
      'out',
      '--figures',
      'none',
    );
    expect(result.stderr).toBe(`wrote ${metrics.length + 2} files to ${join(dir, 'out')}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden('weather.txt'));
    const out = join(dir, 'out');
    expect(readFileSync(join(out, 'weather.json'), 'utf8')).toBe(golden('weather.json'));
    const md = readFileSync(join(out, 'weather.md'), 'utf8');
    expect(md).toContain('EPAM made its first contribution in November 2016');
    expect(md).not.toContain('![');
    // One CSV per metric of the registry, named after its figure (or itself).
    expect(readdirSync(out).sort()).toEqual(
      [...metrics.map((m) => m.csvFile), 'weather.json', 'weather.md'].sort(),
    );
    expect(readdirSync(out)).toContain('organisations-over-time.csv');
    const lines = readFileSync(join(out, 'top-organisations.csv'), 'utf8').split('\r\n');
    // Where the rows came from first: title, project, period (and filters), source line.
    expect(lines.slice(0, 3)).toEqual([
      '# Top organisations since 2011',
      '# xen · 1 January 2011 – 31 May 2018',
      '"# Source: xen, as of 1 June 2018"',
    ]);
    const top = lines.slice(3);
    expect(top[0]).toBe('rank,organisation,commits,share');
    expect(top[1]).toMatch(/^1,Citrix,\d+,0\.\d+$/);
    expect(top).toContainEqual(
      expect.stringMatching(/^10,"'=HYPERLINK\(""http:\/\/x\.example""\)",1,/),
    );
    expect(top.at(-2)).toMatch(/^,Unknown,\d+,/);
  });

  it('narrows to a repository and a path, and takes a project config as target', async () => {
    writeFileSync(
      join(dir, 'xen.json'),
      JSON.stringify({ name: 'xen', repositories: [{ source: 'https://example.org/xen.git' }] }),
    );
    const result = await run(
      'xen.json',
      '--as-of=2018-06-01',
      '--repository',
      'xen',
      '--path',
      'xen/arch/arm/',
      '--top',
      '3',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('top 3; repositories: xen; paths: xen/arch/arm');
    expect(result.stdout).toMatch(/The top 3 organisations since 2009 are /);
    const arm = await run('xen.json', '--as-of=2018-06-01', '--area', 'Arm', '--area=Arm');
    expect(arm.stderr).toBe('');
    expect(arm.stdout).toContain('top 6; areas: Arm');
    expect(arm.stdout).toMatch(/^- In Arm, \d+% of reviews crossed organisations so far in 2018/m);
  });

  it('says in one line what is wrong', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [
        ['data/xen.duckdb', '--as-of', '2018-02-30'],
        2,
        /--as-of must be a calendar day YYYY-MM-DD, got '2018-02-30'/,
      ],
      [
        ['data/xen.duckdb', '--as-of', '2001-01-01'],
        2,
        /as-of 2001-01-01 is not after the first contribution \(2009-01-\d\d\): nothing would count/,
      ],
      [
        ['data/xen.duckdb', '--since', '2018-07-01', '--as-of', '2018-06-01'],
        2,
        /since \(2018-07-01\) must be before as-of \(2018-06-01\)/,
      ],
      [
        ['data/xen.duckdb', '--repository', 'linux'],
        3,
        /unknown repository 'linux' \(known: osstest, xen, xen-project\/xen\)/,
      ],
      [['data/xen.duckdb', '--top', '0'], 2, /--top must be a whole number from 1, got '0'/],
      [['data/xen.duckdb', '--area', 'arm'], 3, /unknown area 'arm' \(did you mean 'Arm'\?\)/],
      [['data/xen.duckdb', '--colour', 'red'], 2, /unknown option '--colour'/],
      [['data/xen.duckdb', '--since'], 2, /--since needs a value/],
      [['data/other.duckdb'], 3, /no such file or folder/],
      [
        ['xen.json', '--db', 'data/missing.duckdb'],
        3,
        /missing\.duckdb: no database yet; run `barometer collect xen\.json` first/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const result = await run(...args);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stdout).toBe('');
    }
  });

  it("refuses a database that is not Barometer's", async () => {
    const stranger = join(dir, 'stranger.duckdb');
    const db = await openNodeDatabase(stranger);
    await db.exec('CREATE TABLE t (x INTEGER)');
    await db.close();
    const result = await run('stranger.duckdb');
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/stranger\.duckdb is not a Barometer database/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports on a database an empty collect left without contributions, saying to collect', async () => {
    const empty = join(dir, 'empty.duckdb');
    const db = await openNodeDatabase(empty);
    await ensureSchema(db);
    await db.close();
    const result = await run('empty.duckdb');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/no contributions yet: run `barometer collect` first/);
  });
});

describe('barometer report after collect and affiliations apply on a real repository', () => {
  let repo: GitFixture;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'barometer-report-e2e-'));
    repo = createRepository();
    const people = {
      ann: { name: 'Ann', email: 'ann@citrix.com' },
      bob: { name: 'Bob', email: 'bob@arm.com' },
      eve: { name: 'Eve', email: 'eve@unmapped.example' },
    };
    const plan: Array<[keyof typeof people, string, string]> = [
      ['ann', '2016-03-01T10:00:00Z', 'xen/common/a.c'],
      ['ann', '2016-12-31T23:59:59Z', 'xen/common/b.c'],
      ['bob', '2017-01-01T00:00:00Z', 'xen/arch/arm/c.c'],
      ['eve', '2017-04-01T12:00:00Z', 'docs/d.md'],
      ['bob', '2017-05-31T23:59:59Z', 'xen/arch/arm/e.c'],
      ['ann', '2017-06-01T00:00:00Z', 'xen/common/f.c'], // the as-of day: excluded
    ];
    plan.forEach(([who, at, file], i) =>
      repo.commit({
        message: `change ${i}\n\nBody.\n\nReviewed-by: Ann <ann@citrix.com>\nAcked-by: bob@arm.com`,
        files: { [file]: `${i}\n` },
        author: people[who],
        date: { at },
      }),
    );
    writeFileSync(join(dir, 'map.txt'), 'citrix.com Citrix\narm.com Arm\n');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts what git holds', async () => {
    const io = () => ({ stdout: capture(), stderr: capture() });
    const db = join(dir, 'e2e.duckdb');
    const collect = io();
    expect(
      await main(['collect', repo.path, '--db', db], { ...collect, cwd: dir, clock, env: {} }),
      collect.stderr.text,
    ).toBe(0);
    const apply = io();
    const applied = await main(
      ['affiliations', 'apply', db, '--email-map', join(dir, 'map.txt'), '--no-default-map'],
      { ...apply, cwd: dir, clock, env: {} },
    );
    expect(applied, apply.stderr.text).toBe(0);
    const report = io();
    const code = await main(
      [
        'report',
        db,
        '--as-of',
        '2017-06-01',
        '--since',
        '2016-01-01',
        '--top',
        '2',
        '--out',
        'out',
        '--figures',
        'none',
      ],
      { ...report, cwd: dir, clock, env: {} },
    );
    expect(code, report.stderr.text).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'weather.json'), 'utf8'));
    expect(json.commitsByYear).toEqual([
      { year: 2016, commits: 2, partial: false },
      { year: 2017, commits: 3, partial: true },
    ]);
    expect(json.topOrganisations).toEqual([
      { organisation: 'Arm', commits: 2, share: 0.4 },
      { organisation: 'Citrix', commits: 2, share: 0.4 },
    ]);
    expect(json.unknown).toEqual({ commits: 1, share: 0.2 });
    expect(json.reviewsAgainstCommits).toEqual([
      { organisation: 'Arm', reviews: 5, commits: 2 },
      { organisation: 'Citrix', reviews: 5, commits: 2 },
      { organisation: 'Unknown', reviews: 0, commits: 1 },
    ]);
    expect(json.yearToDate).toMatchObject({ commits: 3, previousCommits: 1, growth: 2 });
    expect(report.stdout.text).toContain('The top 2 organisations since 2016 are Arm and Citrix');
    expect(existsSync(join(dir, 'out', 'weather.md'))).toBe(true);
  });
});
