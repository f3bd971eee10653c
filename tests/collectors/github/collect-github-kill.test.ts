import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectGitHub } from '../../../collectors/github/collect-github.ts';
import { openNodeDatabase } from '../../../src/lib/db/node.ts';
import { makeTempDir } from '../../helpers/git-fixture.ts';
import { startFakeGitHub } from './fake-github.ts';
import {
  FIRST_RUN_COMMITS,
  FIRST_RUN_LOGIN_EMAILS,
  FIRST_RUN_PULLS,
  FIRST_RUN_REPOSITORIES,
  FIRST_RUN_REVIEWS,
  FIRST_RUN_USERS,
} from './first-run-rows.ts';
import { fixtureState, NOW, TOKEN } from './fixture-state.ts';
import { captureLogger, dumpDatabase, rows } from './github-test-kit.ts';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const dir = makeTempDir('barometer-github-kill-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read<T>(
  path: string,
  work: (db: Awaited<ReturnType<typeof openNodeDatabase>>) => Promise<T>,
) {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Rows of the pull requests stored before the kill: widgets #5, #4 and #3. */
const storedBeforeKill = (row: { repository: unknown; number?: unknown; pull_number?: unknown }) =>
  row.repository === 'acme/widgets' && [3, 4, 5].includes(Number(row.number ?? row.pull_number));

describe('a GitHub collection killed half-way', () => {
  it('keeps each pull request it stored whole, and the next run completes it exactly', async () => {
    const server = await startFakeGitHub(fixtureState(), () => NOW);
    // The fourth pull request (#2, by update time) never answers: the process is killed there.
    server.faults.push({ path: '/repos/acme/widgets/pulls/2', kind: 'hang' });
    const path = join(dir, 'killed.duckdb');
    const child = spawn(
      process.execPath,
      [
        '--import',
        './src/cli/register.js',
        'tests/collectors/github/collect-github-child.ts',
        path,
        server.url,
      ],
      {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, GITHUB_TOKEN: TOKEN },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    await server.requested('/repos/acme/widgets/pulls/2');
    child.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');

    // #5, #4 and #3 landed whole with their reviews and commits; nothing is marked synced.
    await read(path, async (db) => {
      expect(
        await rows(db, `SELECT * FROM github_pull_requests ORDER BY repository, number`),
      ).toEqual(FIRST_RUN_PULLS.filter(storedBeforeKill));
      expect(await rows(db, `SELECT * FROM github_reviews ORDER BY review_id`)).toEqual(
        FIRST_RUN_REVIEWS.filter(storedBeforeKill),
      );
      expect(
        await rows(
          db,
          `SELECT * FROM github_pull_commits ORDER BY repository, pull_number, commit_id`,
        ),
      ).toEqual(FIRST_RUN_COMMITS.filter(storedBeforeKill));
      expect(await rows(db, `SELECT * FROM github_login_emails ORDER BY login, email`)).toEqual(
        FIRST_RUN_LOGIN_EMAILS.filter((row) =>
          ['carol', 'dave', 'dependabot[bot]'].includes(row.login),
        ),
      );
      // Everyone was seen by then: alice and bob as reviewers of #4 and #5.
      expect(await rows(db, `SELECT * FROM github_users ORDER BY login`)).toEqual(FIRST_RUN_USERS);
      expect(
        await rows(db, `SELECT full_name, pulls_synced_until, status FROM github_repositories`),
      ).toEqual([{ full_name: 'acme/gone', pulls_synced_until: null, status: 'not-found' }]);
      expect(`${output}${await dumpDatabase(db)}`).not.toContain(TOKEN);
    });

    const db = await openNodeDatabase(path);
    const from = server.requests.length;
    try {
      await collectGitHub({
        db,
        config: { orgs: ['acme'], repos: ['other/tool', 'acme/gone'], apiUrl: server.url },
        token: TOKEN,
        env: {},
        logger: captureLogger(),
        clock: () => NOW,
      });
      // Only what was missing is fetched again.
      expect(
        server.requests
          .slice(from)
          .map((r) => r.path)
          .filter((p) => /pulls\/\d+$/.test(p)),
      ).toEqual([
        '/repos/acme/widgets/pulls/2',
        '/repos/acme/widgets/pulls/1',
        '/repos/other/tool/pulls/7',
      ]);
      expect(
        await rows(db, `SELECT * FROM github_pull_requests ORDER BY repository, number`),
      ).toEqual(FIRST_RUN_PULLS);
      expect(await rows(db, `SELECT * FROM github_reviews ORDER BY review_id`)).toEqual(
        FIRST_RUN_REVIEWS,
      );
      expect(
        await rows(
          db,
          `SELECT * FROM github_pull_commits ORDER BY repository, pull_number, commit_id`,
        ),
      ).toEqual(FIRST_RUN_COMMITS);
      expect(await rows(db, `SELECT * FROM github_login_emails ORDER BY login, email`)).toEqual(
        FIRST_RUN_LOGIN_EMAILS,
      );
      expect(await rows(db, `SELECT * FROM github_users ORDER BY login`)).toEqual(FIRST_RUN_USERS);
      expect(
        await rows(db, `SELECT * EXCLUDE (api_url) FROM github_repositories ORDER BY full_name`),
      ).toEqual(FIRST_RUN_REPOSITORIES);
    } finally {
      await db.close();
      await server.close();
    }
  });
});
