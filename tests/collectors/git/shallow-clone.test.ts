import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/lib/db/node.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';
import { createRepository } from '../../helpers/git-fixture.ts';
import { runCli } from '../../helpers/run-cli.ts';

const defer = cleanupAfterAll();

async function commits(path: string): Promise<number> {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM commits');
    return row!.n;
  } finally {
    await db.close();
  }
}

describe('collect on a shallow clone', () => {
  for (const engine of ['git-cli', 'isomorphic-git']) {
    it(`says the history is shallow, and mines what unshallowing brought (${engine})`, async () => {
      const origin = createRepository();
      defer(() => origin.cleanup());
      for (let i = 0; i < 12; i++) origin.commit({ message: `change ${i}\n` });
      const clone = join(origin.root, 'clone');
      origin.git(['clone', '-q', '--depth', '5', `file://${origin.dir}`, clone]);
      const db = join(origin.root, 'clone.duckdb');
      const collect = () =>
        runCli(['collect', clone, '--db', db, '--engine', engine], { cwd: origin.root, env: {} });

      const first = await collect();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain(
        `warning: clone: ${join(clone, '.git')} is a shallow clone (history cut at 1 commit), so ` +
          'every figure misses the commits before the cut; run `git fetch --unshallow` there and collect again',
      );
      expect(await commits(db)).toBe(5);

      origin.git(['-C', clone, 'fetch', '-q', '--unshallow']);
      const second = await collect();
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).not.toContain('shallow');
      expect(second.stdout).toMatch(/^collected 1 repository: 7 commits added/);
      expect(await commits(db)).toBe(12);

      const third = await collect();
      expect(third.stdout).toMatch(/^collected 1 repository: 0 commits added/);
    });
  }
});
