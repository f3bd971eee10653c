import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { createRepository } from '../helpers/git-fixture.ts';
import { collectUntilKilled } from '../helpers/kill-collect.ts';

const repo = createRepository();
afterAll(() => repo.cleanup());

async function rows(path: string, sql: string) {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    return await db.query(sql);
  } finally {
    await db.close();
  }
}

const quiet = { write: () => true };

describe('a collect killed half-way', () => {
  it('keeps the batches it committed, and the next run carries on without duplicates', async () => {
    const COMMITS = 8000;
    repo.importCommits(COMMITS, (i) => ({
      message: `Change ${i}\n\nReviewed-by: R${i % 7} <r${i % 7}@example.org>\n`,
      files: { [`src/f${i % 50}.c`]: `${i}\n`.repeat(1 + (i % 9)) },
    }));
    const db = join(repo.root, 'killed.duckdb');
    // One process, batches of 1,000 (collect-jobs.test.ts kills a run of worker processes).
    const killed = collectUntilKilled(
      [repo.dir, '--db', db, '--engine', 'isomorphic-git', '--jobs', '1'],
      /1,?000 commits stored/,
    );
    expect(await killed).toBe('SIGKILL');
    const [stored] = (await rows(db, 'SELECT count(*) AS n FROM commits')) as Array<{ n: number }>;
    expect(stored!.n % 1000).toBe(0);
    expect(stored!.n).toBeGreaterThanOrEqual(1000);
    expect(stored!.n).toBeLessThan(COMMITS);
    // Whole commits only: each stored commit has its one file and one trailer, and no head moved.
    expect(
      await rows(
        db,
        'SELECT (SELECT count(*) FROM commit_files) AS f, (SELECT count(*) FROM trailers) AS t, (SELECT count(*) FROM repositories) AS r',
      ),
    ).toEqual([{ f: stored!.n, t: stored!.n, r: 0 }]);

    const code = await main(['collect', repo.dir, '--db', db, '--engine', 'isomorphic-git'], {
      cwd: repo.root,
      stdout: quiet,
      stderr: quiet,
    });
    expect(code).toBe(0);
    expect(
      await rows(db, 'SELECT count(*) AS n, count(DISTINCT commit_id) AS d FROM commits'),
    ).toEqual([{ n: COMMITS, d: COMMITS }]);
    expect(await rows(db, 'SELECT commits_added FROM collect_runs')).toEqual([
      { commits_added: COMMITS - stored!.n },
    ]);
    const fresh = join(repo.root, 'fresh.duckdb');
    await main(['collect', repo.dir, '--db', fresh, '--engine', 'isomorphic-git'], {
      cwd: repo.root,
      stdout: quiet,
      stderr: quiet,
    });
    const everything = `SELECT * FROM (SELECT commit_id, path, lines_added, lines_deleted FROM commit_files
      UNION ALL SELECT commit_id, key, position, length(value) FROM trailers) ORDER BY ALL`;
    expect(await rows(db, everything)).toEqual(await rows(fresh, everything));
  });
});
