/**
 * The report bench: builds a database of generated contributions (default 50,000 commits by 40
 * organisations and Unknown over twelve years, about 1.5 review trailers and two changed files per
 * commit, some GitHub reviews, four areas) and times `buildWeatherReport` on it — the whole report,
 * then narrowed to a path, to a repository and to an area. The goal: under 3 s for 50,000 commits.
 *
 * `npm run bench -- report [--commits N] [--runs N] [--db FILE] [--area NAME]`: with `--db`, times
 * the report on that database (e.g. one collected from xen-project/xen) instead of a generated
 * one; `--area` names the area of the narrowed case (default: the one most commits are in, short
 * of an area holding every commit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDatabase, type NodeDatabase } from '../src/lib/db/node.ts';
import { ensureSchema } from '../src/lib/db/schema.ts';
import {
  buildWeatherReport,
  type WeatherReportParams,
} from '../src/lib/report/build-weather-report.ts';

/** The goal from the issue, in seconds. */
export const REPORT_GOAL_SECONDS = 3;

/** Options of the report bench. */
export interface ReportBenchOptions {
  /** Generated commits. Default 50,000. */
  commits: number;
  /** Timed runs of each case; the median is reported. Default 5. */
  runs: number;
  /** An existing Barometer database to time instead of a generated one. */
  db: string | null;
  /** The area of the narrowed case; null: the database's largest short of all. */
  area: string | null;
}

/** Parses `--commits N`, `--runs N`, `--db FILE`, `--area NAME`. */
export function parseReportBenchArgs(args: string[]): ReportBenchOptions {
  const options: ReportBenchOptions = { commits: 50_000, runs: 5, db: null, area: null };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--commits') options.commits = Number(value);
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--db') options.db = value;
    else if (flag === '--area') options.area = value;
    else
      throw new Error(
        `unknown option ${flag} (report bench: --commits N, --runs N, --db FILE, --area NAME)`,
      );
  }
  if (!Number.isInteger(options.commits) || options.commits < 1) {
    throw new Error('--commits must be a whole number');
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) {
    throw new Error('--runs must be a whole number');
  }
  return options;
}

/**
 * Fills `db` with `commits` generated commits from 2007-01-01 to 2018-12-31 (deterministic: every
 * value is a function of the row number), their files and trailers, and matching contributions.
 */
export async function generateReportDatabase(db: NodeDatabase, commits: number): Promise<void> {
  await ensureSchema(db);
  const span = `${Date.UTC(2019, 0, 1) / 1000 - Date.UTC(2007, 0, 1) / 1000}`;
  await db.transaction(async () => {
    await db.exec(`
      CREATE TEMP TABLE g AS
      SELECT
        i,
        printf('%040x', hash(i)) AS id,
        CASE WHEN i % 10 = 0 THEN 'osstest' ELSE 'xen' END AS repository,
        TIMESTAMP '2007-01-01' + to_seconds(CAST((hash(i * 7) % ${span}) AS BIGINT)) AS time,
        -- Organisation: skewed towards the first few; one commit in 20 is Unknown's.
        CASE WHEN i % 20 = 0 THEN 'Unknown'
             ELSE 'Org' || lpad(CAST(CAST(floor(pow((hash(i * 13) % 1000) / 1000.0, 3) * 40) AS INTEGER) AS VARCHAR), 2, '0')
        END AS organisation,
        'dev' || CAST(hash(i * 17) % 2000 AS VARCHAR) AS login
      FROM range(${commits}) AS r(i)`);
    await db.exec(`
      INSERT INTO commits
      SELECT repository, id, 1, login, login || '@' || lower(organisation) || '.example', time, 0,
             login, login || '@' || lower(organisation) || '.example', time, 0, 'subject ' || i, ''
      FROM g`);
    await db.exec(`
      INSERT INTO commit_files
      SELECT repository, id,
             CASE hash(i * 19 + f) % 4 WHEN 0 THEN 'xen/arch/arm/' WHEN 1 THEN 'xen/arch/x86/'
                  WHEN 2 THEN 'tools/' ELSE 'docs/' END || 'f' || CAST(hash(i * 23 + f) % 500 AS VARCHAR) || '-' || CAST(f AS VARCHAR) || '.c',
             NULL, 3, 1, false
      FROM g, range(2) AS r(f)`);
    await db.exec(`
      INSERT INTO contributions
      SELECT 'commit', 'git', id, repository, id, time, time, login || '@' || lower(organisation) || '.example',
             login, organisation
      FROM g`);
    await db.exec(`
      INSERT INTO contributions
      SELECT 'review', 'trailer', id || ':' || CAST(t AS VARCHAR), repository, id, time, time,
             'rev' || CAST(hash(i * 29 + t) % 300 AS VARCHAR) || '@example.org', 'reviewer',
             CASE WHEN hash(i * 31 + t) % 10 = 0 THEN 'Unknown'
                  ELSE 'Org' || lpad(CAST(hash(i * 37 + t) % 12 AS VARCHAR), 2, '0') END
      FROM g, range(3) AS r(t)
      WHERE t < hash(i * 41) % 3 + 1 - CASE WHEN i % 2 = 0 THEN 1 ELSE 0 END`);
    await db.exec(`
      INSERT INTO contributions
      SELECT 'review', 'github', 'github:' || CAST(i AS VARCHAR), 'xen-project/xen', NULL, time, time,
             'gh' || CAST(i % 50 AS VARCHAR) || '@example.org', 'gh', 'Org01'
      FROM g WHERE i % 25 = 0`);
    // Areas: the four top folders the files are in; each review reviews its commit's author.
    await db.exec(`
      INSERT INTO path_areas
      SELECT DISTINCT repository, path,
             CASE WHEN path LIKE 'xen/arch/arm/%' THEN 'Arm' WHEN path LIKE 'xen/arch/x86/%' THEN 'x86'
                  WHEN path LIKE 'tools/%' THEN 'tools' ELSE 'docs' END
      FROM commit_files`);
    await db.exec(`
      INSERT INTO commit_areas
      SELECT f.commit_id, a.area, CAST(sum(f.lines_added) AS INTEGER), CAST(sum(f.lines_deleted) AS INTEGER)
      FROM commit_files AS f JOIN path_areas AS a USING (repository, path)
      GROUP BY f.commit_id, a.area`);
    await db.exec(`
      INSERT INTO review_authors
      SELECT r.contribution_id, c.person, c.organisation
      FROM contributions AS r
      LEFT JOIN contributions AS c ON c.kind = 'commit' AND c.commit_id = r.commit_id
      WHERE r.kind = 'review'`);
    await db.exec('DROP TABLE g');
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Times the report cases on `db`; returns the median seconds of each. */
async function timeCases(
  db: NodeDatabase,
  runs: number,
  area: string | null,
): Promise<Array<{ label: string; seconds: number; commits: number }>> {
  const asOf = '2018-06-01';
  const [largest] = area
    ? [{ area }]
    : await db.query<{ area: string }>(
        `SELECT area FROM commit_areas GROUP BY area
         ORDER BY count(*) < (SELECT count(DISTINCT commit_id) FROM commit_areas) DESC,
                  count(*) DESC, area
         LIMIT 1`,
      );
  // The generated database's `xen`, or a collected one's first repository (`xen.git`).
  const [repository] = await db.query<{ name: string }>(
    `SELECT name FROM (SELECT name FROM repositories UNION SELECT DISTINCT repository FROM commits)
     ORDER BY name = 'xen' DESC, name LIMIT 1`,
  );
  const cases: Array<[string, WeatherReportParams]> = [
    ['whole report', { asOf }],
    ['--path xen/arch/arm', { asOf, paths: ['xen/arch/arm'] }],
    ...(repository
      ? [
          [`--repository ${repository.name}`, { asOf, repositories: [repository.name] }] as [
            string,
            WeatherReportParams,
          ],
        ]
      : []),
    ...(largest
      ? [
          [`--area ${largest.area.slice(0, 12)}`, { asOf, areas: [largest.area] }] as [
            string,
            WeatherReportParams,
          ],
        ]
      : []),
  ];
  const results = [];
  for (const [label, params] of cases) {
    const times: number[] = [];
    let commits = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const report = await buildWeatherReport(db, params, { project: 'bench' });
      times.push((performance.now() - started) / 1000);
      commits = report.totalCommits;
    }
    results.push({ label, seconds: median(times), commits });
  }
  return results;
}

/** `npm run bench -- report ...`: prints the median time of each case against the goal. */
export async function runReportBench(args: string[]): Promise<void> {
  const options = parseReportBenchArgs(args);
  let dir: string | null = null;
  let db: NodeDatabase;
  if (options.db) {
    db = await openNodeDatabase(options.db, { readOnly: true });
    console.log(`report bench on ${options.db}`);
  } else {
    dir = mkdtempSync(join(tmpdir(), 'barometer-bench-report-'));
    db = await openNodeDatabase(join(dir, 'bench.duckdb'));
    const started = performance.now();
    await generateReportDatabase(db, options.commits);
    const [counts] = await db.query<{ commits: number; reviews: number }>(
      `SELECT count(*) FILTER (WHERE kind = 'commit') AS commits,
              count(*) FILTER (WHERE kind = 'review') AS reviews FROM contributions`,
    );
    console.log(
      `generated ${counts!.commits.toLocaleString('en-US')} commits and ${counts!.reviews.toLocaleString('en-US')} reviews in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  try {
    for (const result of await timeCases(db, options.runs, options.area)) {
      const verdict = result.seconds < REPORT_GOAL_SECONDS ? 'ok' : 'OVER GOAL';
      console.log(
        `report, ${result.label.padEnd(20)} ${result.seconds.toFixed(3)} s (median of ${options.runs}; ${result.commits.toLocaleString('en-US')} commits counted since the default since)  goal < ${REPORT_GOAL_SECONDS} s: ${verdict}`,
      );
    }
  } finally {
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: `node --import ./src/cli/register.js bench/report.ts [args]`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await runReportBench(process.argv.slice(2));
}
