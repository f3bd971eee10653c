/**
 * The Parquet bench: mines the generated history (bench/generate-history.ts, default 100,000
 * commits) with the real `barometer collect`, exports it with `barometer export --parquet`, and
 * prints each table's rows and bytes against the DuckDB file, the export's time, and the time of
 * two queries over the Parquet folder against the same queries on the database, in the same run.
 *
 * `npm run bench -- parquet [--commits N] [--runs N]`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDatabase, type NodeDatabase } from '../src/lib/db/node.ts';
import type { ParquetManifest } from '../src/cli/export-parquet.ts';
import { generateHistory } from './generate-history.ts';
import { timeCommand } from './measure.ts';
import { number } from './mine.ts';

/** The queries timed on both: commits per year, and the top organisations of all commits. */
function queries(commits: string, contributions: string): Array<[string, string]> {
  return [
    [
      'commits per year',
      `SELECT year(author_time) AS year, count(*) AS commits FROM ${commits} GROUP BY 1 ORDER BY 1`,
    ],
    [
      'top 10 organisations',
      `SELECT organisation, count(*) AS commits FROM ${contributions}
       WHERE kind = 'commit' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
    ],
  ];
}

/** The median wall time of `runs` runs of `sql` on `db`, in milliseconds, and its result. */
async function time(db: NodeDatabase, sql: string, runs: number): Promise<[number, unknown[]]> {
  const times: number[] = [];
  let rows: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    rows = await db.query(sql);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)]!, rows];
}

/** Runs the bench; `args`: `--commits N`, `--runs N`. */
export async function runParquetBench(args: string[]): Promise<void> {
  let commits = 100_000;
  let runs = 5;
  for (let i = 0; i < args.length; i++) {
    const value = Number(args[i + 1]);
    if (args[i] === '--commits') commits = value;
    else if (args[i] === '--runs') runs = value;
    else throw new Error(`unknown option ${args[i]} (parquet bench: --commits N, --runs N)`);
    i++;
  }
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  console.log(`load average at the start: ${load()}`);
  const history = await generateHistory({ commits });
  const dir = mkdtempSync(join(tmpdir(), 'barometer-parquet-bench-'));
  try {
    const dbFile = join(dir, 'generated.duckdb');
    const collectSeconds = await timeCommand(['collect', history.gitdir, '--db', dbFile]);
    const out = join(dir, 'parquet');
    const exportSeconds = await timeCommand(['export', dbFile, '--parquet', out]);
    const manifest = JSON.parse(
      readFileSync(join(out, 'barometer-export.json'), 'utf8'),
    ) as ParquetManifest;
    console.log(
      `${number(commits)} generated commits: collect ${collectSeconds.toFixed(1)} s, ` +
        `export ${exportSeconds.toFixed(1)} s (whole commands)\n`,
    );
    console.log('table                  rows      Parquet bytes  files');
    const shown = manifest.tables.filter((t) => t.rows > 0);
    for (const t of shown) {
      console.log(
        `${t.name.padEnd(20)} ${number(t.rows).padStart(9)} ${number(t.bytes).padStart(16)} ${String(t.files).padStart(6)}`,
      );
    }
    const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
    const bytes = manifest.tables.reduce((s, t) => s + t.bytes, 0);
    const dbBytes = statSync(dbFile).size;
    console.log(
      `${'all tables'.padEnd(20)} ${number(rows).padStart(9)} ${number(bytes).padStart(16)}` +
        `   (the .duckdb file: ${number(dbBytes)} bytes; Parquet/DuckDB ${(bytes / dbBytes).toFixed(2)})\n`,
    );

    const hive = (table: string) =>
      `read_parquet('${join(out, table)}/*/*.parquet', hive_partitioning = true)`;
    const onParquet = await openNodeDatabase(':memory:');
    const onDuckdb = await openNodeDatabase(dbFile, { readOnly: true });
    try {
      const overParquet = queries(hive('commits'), hive('contributions'));
      const overDuckdb = queries('commits', 'contributions');
      for (let q = 0; q < overParquet.length; q++) {
        const [name, parquetSql] = overParquet[q]!;
        const [parquetMs, parquetRows] = await time(onParquet, parquetSql, runs);
        const [duckdbMs, duckdbRows] = await time(onDuckdb, overDuckdb[q]![1], runs);
        const same = JSON.stringify(parquetRows) === JSON.stringify(duckdbRows);
        console.log(
          `${name}: Parquet folder ${parquetMs.toFixed(0)} ms, .duckdb ${duckdbMs.toFixed(0)} ms ` +
            `(${(parquetMs / duckdbMs).toFixed(1)}×; median of ${runs}; same rows: ${same ? 'yes' : 'NO'})`,
        );
      }
    } finally {
      await onParquet.close();
      await onDuckdb.close();
    }
    console.log(`load average at the end: ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
