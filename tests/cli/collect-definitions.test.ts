/**
 * What `collect` says about the definitions of this wave: commits without a readable date (counted
 * in totals, in no period or first contribution), and a database mined by an older Barometer, which
 * is mined again under the current definitions.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { exportData } from '../../src/cli/export-arrow.ts';
import { createRepository, makeTempDir, type GitFixture } from '../helpers/git-fixture.ts';
import { capture } from '../helpers/capture.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { rmSync } from 'node:fs';

const defer = cleanupAfterAll();
const clock = () => new Date('2024-01-01T00:00:00Z');

function fixture(): GitFixture {
  const repo = createRepository();
  defer(() => repo.cleanup());
  return repo;
}

async function run(args: string[], cwd: string) {
  const stdout = capture({ isTTY: false, columns: 100 });
  const stderr = capture({ isTTY: false, columns: 100 });
  const code = await main(args, { stdout, stderr, cwd, clock, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Appends a commit whose author and committer dates are the epoch (git prints such for dates it cannot read). */
function undatedCommit(repo: GitFixture, email: string): string {
  const tree = repo.git(['write-tree']);
  const parent = repo.rev();
  const text =
    `tree ${tree}\nparent ${parent}\n` +
    `author Old Timer <${email}> 0 +0000\ncommitter Old Timer <${email}> 0 +0000\n\nNo date\n`;
  const id = repo.git(
    ['hash-object', '-t', 'commit', '-w', '--stdin', '--literally'],
    {},
    Buffer.from(text),
  );
  repo.git(['update-ref', 'HEAD', id]);
  return id;
}

describe('collect and dates that are not dates', () => {
  it('counts them in totals, names how many, and leaves them out of ranges and first days', async () => {
    const repo = fixture();
    repo.commit({ message: 'Root\n', date: { at: '2019-03-01T00:00:00Z' } });
    undatedCommit(repo, 'old@suse.com');
    repo.commit({
      message: 'Later\n',
      author: { name: 'S', email: 's@suse.com' },
      date: { at: '2020-05-01T00:00:00Z' },
    });
    const out = makeTempDir();
    defer(() => rmSync(out, { recursive: true, force: true }));
    const db = join(out, 'x.duckdb');
    for (const engine of ['git-cli', 'isomorphic-git']) {
      rmSync(db, { force: true });
      const result = await run(['collect', repo.path, '--db', db, '--engine', engine], out);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        '1 commit has an author date git cannot read: counted in totals, but in no year, date range or first contribution',
      );
    }
    const report = await run(
      [
        'report',
        db,
        '--as-of',
        '2021-01-01',
        '--since',
        '2019-01-01',
        '--out',
        join(out, 'r'),
        '--figures',
        'none',
      ],
      out,
    );
    expect(report.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const weather = JSON.parse(readFileSync(join(out, 'r', 'weather.json'), 'utf8'));
    // SUSE's first contribution is its dated commit of 2020, not the undated one.
    expect(weather.firstContributions).toEqual([{ organisation: 'SUSE', date: '2020-05-01' }]);
    const opened = await openNodeDatabase(db, { readOnly: true });
    try {
      const manifest = await exportData(opened, join(out, 'export'), { project: 'x', clock });
      expect([manifest.dataFrom, manifest.dataUntil]).toEqual(['2019-03-01', '2020-05-02']);
      expect(
        await opened.query(`SELECT count(*) AS n FROM contributions WHERE kind = 'commit'`),
      ).toEqual([{ n: 3 }]);
    } finally {
      await opened.close();
    }
  });
});

describe('collect on a database of an older Barometer', () => {
  it('says so, mines its repositories again, and report asks for that until it is done', async () => {
    const repo = fixture();
    repo.commit({
      message: 'Root\n\nReviewed-by: Kim <kim@intel.com>\n\nv2: notes after the tags\n',
      date: { at: '2019-03-01T00:00:00Z' },
    });
    const out = makeTempDir();
    defer(() => rmSync(out, { recursive: true, force: true }));
    const db = join(out, 'old.duckdb');
    expect((await run(['collect', repo.path, '--db', db], out)).code).toBe(0);
    // Make it look like schema 1: the version mark, and a commits table without parents.
    const opened = await openNodeDatabase(db);
    await opened.exec(`UPDATE barometer_meta SET value = '1' WHERE key = 'schema_version';
                       ALTER TABLE commits DROP COLUMN parent_ids;`);
    await opened.close();
    const report = await run(['report', db, '--as-of', '2021-01-01'], out);
    expect(report.code).toBe(5);
    expect(report.stderr).toContain(
      'was collected by an older Barometer (schema 1); run `barometer collect` on it again',
    );
    const again = await run(['collect', db], out);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(
      'was collected by an older Barometer (schema 1); mining its repositories again',
    );
    expect(again.stdout).toContain('1 commit added');
    const reopened = await openNodeDatabase(db, { readOnly: true });
    try {
      expect(
        await reopened.query(
          `SELECT kind, count(*) AS n FROM contributions GROUP BY kind ORDER BY kind`,
        ),
      ).toEqual([
        { kind: 'commit', n: 1 },
        { kind: 'review', n: 1 },
      ]);
    } finally {
      await reopened.close();
    }
  });
});
