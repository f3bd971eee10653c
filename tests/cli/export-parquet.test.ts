import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { applySubprojects } from '../../src/lib/subprojects/apply-subprojects.ts';
import type { ParquetManifest } from '../../src/cli/export-parquet.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { makeTempDir } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { writeProjectDatabase } from '../dashboard/dashboard-fixture.ts';

const defer = cleanupAfterAll();
const clock = () => new Date('2018-06-01T08:00:00Z');

/** Every row of `from` with the columns `columns`, in one fixed order. */
async function rowsOf(sql: string): Promise<unknown[]> {
  const db = await openNodeDatabase(':memory:');
  try {
    return await db.query(`${sql} ORDER BY ALL`);
  } finally {
    await db.close();
  }
}

describe('barometer export --parquet', () => {
  let dir: string;
  let dbPath: string;
  const run = (...args: string[]) => runCli(['export', ...args], { cwd: dir, clock, env: {} });

  beforeAll(async () => {
    dir = makeTempDir('barometer-parquet-');
    defer(() => rmSync(dir, { recursive: true, force: true }));
    dbPath = join(dir, 'data', 'xen.duckdb');
    await writeProjectDatabase(dbPath);
    const db = await openNodeDatabase(dbPath);
    await applySubprojects(db, { Hypervisor: ['xen', 'osstest'], Other: ['none-*'] });
    await db.close();
  });

  it('writes every table partitioned by repository, and reads back row for row', async () => {
    const result = await run('data/xen.duckdb', '--parquet', 'out');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = join(dir, 'out');
    expect(result.stdout).toMatch(
      /^exported \d+ tables \([\d,]+ rows, [\d,]+ KiB of Parquet\) to /,
    );
    const manifest = JSON.parse(
      readFileSync(join(out, 'barometer-export.json'), 'utf8'),
    ) as ParquetManifest;
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    expect(byName.get('commits')?.partitioned).toBe(true);
    expect(byName.get('subprojects')?.partitioned).toBe(false);
    expect(readdirSync(join(out, 'commits')).sort()).toEqual([
      'repository=osstest',
      'repository=xen',
    ]);
    // GitHub reviews carry 'owner/name': the folder name is URL-encoded as Hive does.
    expect(readdirSync(join(out, 'contributions'))).toContain('repository=xen-project%2Fxen');
    // A table with no rows is one empty file that keeps its columns.
    expect(byName.get('github_pull_requests')).toMatchObject({ rows: 0, files: 1 });

    const source = await openNodeDatabase(dbPath, { readOnly: true });
    try {
      for (const table of manifest.tables) {
        const columns = (
          await source.query<{ name: string }>(
            `SELECT column_name AS name FROM information_schema.columns
             WHERE table_name = $table ORDER BY ordinal_position`,
            { table: table.name },
          )
        ).map((c) => `"${c.name}"`);
        const list = columns.join(', ');
        const files = table.partitioned
          ? `read_parquet('${join(out, table.name)}/*/*.parquet', hive_partitioning = true, hive_types = {'repository': VARCHAR})`
          : `read_parquet('${join(out, table.name)}/*.parquet')`;
        const expected = await source.query(`SELECT ${list} FROM "${table.name}" ORDER BY ALL`);
        expect(await rowsOf(`SELECT ${list} FROM ${files}`), table.name).toEqual(expected);
        expect(expected.length, table.name).toBe(table.rows);
      }
    } finally {
      await source.close();
    }
  });

  it('replaces its own earlier export, and refuses a folder holding anything else', async () => {
    expect((await run('data/xen.duckdb', '--parquet', 'out')).code).toBe(0);
    const foreign = join(dir, 'mine');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep me\n');
    const refused = await run('data/xen.duckdb', '--parquet', 'mine');
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      "barometer export: --parquet mine: the folder holds 'notes.txt' that no Barometer export wrote; give an empty or new folder",
    ]);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me\n');
    // Its own export with a file added is not its own any more.
    writeFileSync(join(dir, 'out', 'extra.csv'), 'x\n');
    expect((await run('data/xen.duckdb', '--parquet', 'out')).code).toBe(2);
    expect(existsSync(join(dir, 'out', 'extra.csv'))).toBe(true);
  });

  it('says what is missing in one line', async () => {
    const none = await run('data/xen.duckdb');
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe('barometer export: say where to write: --parquet DIR');
  });
});
