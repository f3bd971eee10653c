import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { createRepository } from '../helpers/git-fixture.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { runCli } from '../helpers/run-cli.ts';

const defer = cleanupAfterAll();

async function dump(path: string): Promise<string> {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    // DuckDB for Node drops a leading byte-order mark when it hands a string over: show it.
    const rows = await db.query(
      `SELECT * EXCLUDE (repository, subject), replace(subject, chr(65279), '<BOM>') AS subject
         FROM commits ORDER BY commit_id`,
    );
    return JSON.stringify(rows);
  } finally {
    await db.close();
  }
}

describe('collect on a history with malformed commit objects', () => {
  it('stores what can be read with either engine, and names what cannot in one line', async () => {
    const repo = createRepository();
    defer(() => repo.cleanup());
    repo.commit({ message: 'root\n' });
    const committer = 'committer C <c@example.org> 1700000000 +0000\n';
    const author = (line: string) => `author ${line}\n${committer}`;
    repo.rawCommit(author('Neg <neg@example.org> -86400 +0100'), 'negative\n');
    repo.rawCommit(author('Garb <garb@example.org> 1700000000 garbage'), 'zone\n');
    repo.rawCommit(author('No Address 1700000000 +0000'), 'no address\n');
    repo.rawCommit(author('Nul\0Name <nul@example.org> 1700000000 +0000'), 'nul\n');
    repo.rawCommit(author('<img src=x onerror=alert(1)> <xss2@example.org> 1 +0000'), 'x\n');
    repo.rawCommit(author('Bom <bom@example.org> 1700000000 +0000'), '\uFEFFbom\n');
    const broken = repo.rawCommit(author('Nodate <nodate@example.org>'), 'no date\n');
    const headless = repo.rawCommit(committer, 'no author\n');
    repo.commit({ message: 'last\n' });

    const databases: string[] = [];
    for (const engine of ['git-cli', 'isomorphic-git']) {
      const db = join(repo.root, `${engine}.duckdb`);
      databases.push(db);
      const run = await runCli(['collect', repo.dir, '--db', db, '--engine', engine], {
        cwd: repo.root,
        env: {},
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^collected 1 repository: 8 commits added/);
      const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: '));
      const named = [
        `work ${headless.slice(0, 12)} (no author line)`,
        `work ${broken.slice(0, 12)} (author "Nodate <nodate@example.org>" has no readable date)`,
      ].sort();
      expect(warnings).toEqual([
        `warning: 2 commits could not be read and were not stored: ${named.join(', ')}`,
      ]);
    }
    const [cli, isomorphic] = [await dump(databases[0]!), await dump(databases[1]!)];
    expect(isomorphic).toBe(cli);
    expect(cli).toContain('"subject":"<BOM>bom"');
    expect(cli).toContain('"author_email":"img src=x onerror=alert(1)"');
    // The branch's chain runs through the commits that were not stored: every stored one before
    // them is still on the branch, and counts.
    for (const path of databases) {
      const db = await openNodeDatabase(path, { readOnly: true });
      try {
        expect(
          await db.query(
            `SELECT (SELECT count(*) FROM branch_positions) AS placed,
                    (SELECT count(*) FROM contributions WHERE kind = 'commit') AS counted`,
          ),
        ).toEqual([{ placed: 8, counted: 8 }]);
      } finally {
        await db.close();
      }
    }
  });
});
