import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_TOKEN_MESSAGE } from '../../../collectors/github/collect-github.ts';
import { openNodeDatabase } from '../../../src/lib/db/node.ts';
import { createRepository, type GitFixture } from '../../helpers/git-fixture.ts';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';
import { fixtureState, NOW, TOKEN } from './fixture-state.ts';
import { dumpDatabase } from './github-test-kit.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';

const defer = cleanupAfterAll();

async function project(): Promise<{ repo: GitFixture; server: FakeGitHub; config: string }> {
  const repo = createRepository();
  defer(() => repo.cleanup());
  repo.commit({ message: 'First\n', files: { 'a.txt': 'a\n' } });
  const server = await startFakeGitHub(fixtureState(), () => NOW);
  defer(() => server.close());
  const config = join(repo.root, 'tool.json');
  writeFileSync(
    config,
    JSON.stringify({
      name: 'tool',
      repositories: [repo.path],
      github: { repos: ['other/tool'], apiUrl: server.url },
    }),
  );
  return { repo, server, config };
}

function collect(config: string, cwd: string, env: Record<string, string>, flags: string[] = []) {
  return runCli(['collect', config, ...flags], { cwd, clock: () => NOW, env }, { isTTY: false });
}

describe('barometer collect with a github section', () => {
  it('mines git and GitHub in one run, and never shows the token', async () => {
    const { repo, server, config } = await project();
    const run = await collect(config, repo.root, { GITHUB_TOKEN: TOKEN });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('github: other/tool: 1 pull request new or updated, 1 review');
    expect(server.requests.length).toBeGreaterThan(0);
    expect(run.stdout).not.toContain(TOKEN);
    const db = await openNodeDatabase(join(repo.root, 'data', 'tool.duckdb'), { readOnly: true });
    try {
      expect(await db.query(`SELECT count(*)::INTEGER AS n FROM commits`)).toEqual([{ n: 1 }]);
      // The GitHub review landed in contributions in the same run: carol has no commit address
      // and no logins line, so she is her no-reply address, of no organisation.
      expect(
        await db.query(
          `SELECT contribution_id, person, organisation FROM contributions WHERE source = 'github'`,
        ),
      ).toEqual([
        {
          contribution_id: 'github:701',
          person: 'carol@users.noreply.github.com',
          organisation: 'Unknown',
        },
      ]);
      expect(await db.query(`SELECT repository, number FROM github_pull_requests`)).toEqual([
        { repository: 'other/tool', number: 7 },
      ]);
      expect(`${run.stdout}${run.stderr}${await dumpDatabase(db)}`).not.toContain(TOKEN);
    } finally {
      await db.close();
    }
  });

  it('without a token says how to make one and still mines git', async () => {
    const { repo, server, config } = await project();
    const run = await collect(config, repo.root, {});
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${NO_TOKEN_MESSAGE}\n`);
    expect(server.requests).toEqual([]);
    const db = await openNodeDatabase(join(repo.root, 'data', 'tool.duckdb'), { readOnly: true });
    try {
      expect(await db.query(`SELECT count(*)::INTEGER AS n FROM commits`)).toEqual([{ n: 1 }]);
      expect(await db.query(`SELECT count(*)::INTEGER AS n FROM github_pull_requests`)).toEqual([
        { n: 0 },
      ]);
    } finally {
      await db.close();
    }
  });

  it('stops with exit code 7 and one line when GitHub refuses the token, even with --verbose', async () => {
    const { repo, config } = await project();
    const wrong = 'ghp_RefusedTokenNeverToBeShown42';
    const quiet = await collect(config, repo.root, { GITHUB_TOKEN: wrong });
    expect(quiet.code).toBe(7);
    expect(quiet.stderr.trim().split('\n').at(-1)).toMatch(
      /^barometer collect: GitHub refused the token at GET \/repos\/other\/tool \(401: Bad credentials \(token \[token\]\)/,
    );
    const verbose = await collect(config, repo.root, { GITHUB_TOKEN: wrong }, ['--verbose']);
    expect(verbose.code).toBe(7);
    expect(verbose.stderr).toContain('caused by: ');
    expect(`${quiet.stdout}${quiet.stderr}${verbose.stdout}${verbose.stderr}`).not.toContain(wrong);
  });
});
