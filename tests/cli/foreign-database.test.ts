import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { createRepository, makeTempDir } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const defer = cleanupAfterAll();

async function tables(path: string): Promise<unknown[]> {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    return await db.query(
      `SELECT table_name, (SELECT count(*) FROM commits) AS rows
         FROM information_schema.tables ORDER BY table_name`,
    );
  } finally {
    await db.close();
  }
}

describe('a DuckDB file that is not Barometer’s', () => {
  it('is refused by collect and affiliations apply before anything is written', async () => {
    const repo = createRepository();
    defer(() => repo.cleanup());
    repo.commit({ message: 'one\n' });
    const cwd = makeTempDir();
    defer(() => rmSync(cwd, { recursive: true, force: true }));
    const path = join(cwd, 'theirs.duckdb');
    const db = await openNodeDatabase(path);
    await db.exec(
      `CREATE TABLE commits (sha VARCHAR, message VARCHAR); INSERT INTO commits VALUES ('a', 'theirs')`,
    );
    await db.close();

    const message =
      `${path} is not a Barometer database (it holds commits, and no barometer_meta); ` +
      'Barometer writes only into a new database or one it made: give another --db';
    const collect = await runCli(['collect', repo.dir, '--db', path], { cwd, env: {} });
    expect(collect.code).toBe(5);
    expect(collect.stderr).toBe(`barometer collect: ${message}\n`);
    const apply = await runCli(['affiliations', 'apply', '--db', path, repo.dir], { cwd, env: {} });
    expect(apply.code).toBe(5);
    expect(apply.stderr).toMatch(
      /^barometer affiliations: theirs.duckdb is not a Barometer database/,
    );
    expect(await tables(path)).toEqual([{ table_name: 'commits', rows: 1 }]);
  });
});
