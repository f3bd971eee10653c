import { describe, expect, it } from 'vitest';
import { NO_TOKEN_MESSAGE } from '../../../collectors/github/collect-github.ts';
import { BarometerError } from '../../../src/lib/errors.ts';
import { closeAfterEach, expectNoToken, run, setup } from './collect-run.ts';
import { rows } from './github-test-kit.ts';

closeAfterEach();

describe('collectGitHub when things go wrong', () => {
  it('without a token says how to make one and mines nothing', async () => {
    const { server, db } = await setup();
    for (const token of [undefined, '', '  ']) {
      const outcome = await run(server, db, { token });
      expect(outcome.error).toBeUndefined();
      expect(outcome.logger.lines).toEqual([`warn: ${NO_TOKEN_MESSAGE}`]);
      expect(outcome.summary).toEqual({
        mined: false,
        apiUrl: null,
        repositories: 0,
        skipped: [],
        pullRequests: 0,
        reviews: 0,
        requests: 0,
      });
    }
    expect(NO_TOKEN_MESSAGE).toContain('nothing was mined from GitHub');
    expect(NO_TOKEN_MESSAGE).toContain('public_repo');
    expect(NO_TOKEN_MESSAGE).toContain('"Public Repositories (read-only)"');
    expect(server.requests).toEqual([]);
    // The database was not touched: not even the schema.
    expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM information_schema.tables`)).toEqual([
      { n: 0 },
    ]);
  });

  it('says the token was refused, without showing it even when the server echoes it', async () => {
    const { server, db } = await setup();
    const wrong = 'ghp_WrongTokenThatMustNotLeakEither999';
    const outcome = await run(server, db, { token: wrong });
    expect((outcome.error as BarometerError).code).toBe('github');
    expect((outcome.error as BarometerError).message).toBe(
      'GitHub refused the token at GET /orgs/acme/repos?type=all&per_page=100 (401: Bad credentials ' +
        '(token [token]) - https://docs.github.example/rest); it may have expired or been revoked: ' +
        'make a new one and set GITHUB_TOKEN to it',
    );
    expect(server.requests.map((r) => r.authorization)).toEqual([`token ${wrong}`]);
    await expectNoToken(db, outcome, wrong);
  });

  it('gives up on a repeated 5xx with one error naming the endpoint', async () => {
    const { server, db } = await setup();
    server.faults.push({ path: '/repos/other/tool', kind: 'status', status: 503, times: 3 });
    const outcome = await run(server, db, { policy: { transientRetries: 2 } });
    expect(outcome.sleep.waits).toEqual([1000, 2000]);
    expect((outcome.error as BarometerError).message).toBe(
      'GitHub API GET /repos/other/tool failed with HTTP 503: <html><body><h1>503 Service Unavailable</h1></body></html>',
    );
    expect(outcome.requests).toEqual([
      'GET /orgs/acme/repos',
      'GET /repos/other/tool',
      'GET /repos/other/tool',
      'GET /repos/other/tool',
    ]);
    await expectNoToken(db, outcome);
  });

  it('takes the API address from GITHUB_API_URL when the config names none', async () => {
    const { server, db } = await setup();
    const outcome = await run(server, db, {
      config: { orgs: [], repos: ['other/tool'] },
      env: { GITHUB_API_URL: `${server.url}/` },
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.summary?.apiUrl).toBe(server.url);
    expect(await rows(db, `SELECT repository, number FROM github_pull_requests`)).toEqual([
      { repository: 'other/tool', number: 7 },
    ]);
  });

  it('reports an organisation that does not exist and goes on with the others', async () => {
    const { server, db } = await setup();
    const outcome = await run(server, db, {
      config: { orgs: ['nobody', 'acme'], repos: [], apiUrl: server.url },
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.requests.slice(0, 3)).toEqual([
      'GET /orgs/nobody/repos',
      'GET /users/nobody/repos',
      'GET /orgs/acme/repos',
    ]);
    expect(outcome.notes[0]).toBe('warn: github: organisation nobody was not found; skipped');
    expect(outcome.summary?.skipped).toEqual([
      { name: 'nobody', kind: 'organisation', status: 'not-found' },
      { name: 'acme/secret', kind: 'repository', status: 'forbidden' },
    ]);
    expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM github_pull_requests`)).toEqual([
      { n: 5 },
    ]);
  });

  it('skips a listed pull request that is gone, and goes on with its repository', async () => {
    const { server, db } = await setup();
    server.state.repositories['acme/widgets']!.pulls.find((p) => p.number === 2)!.gone = true;
    const outcome = await run(server, db);
    expect(outcome.error).toBeUndefined();
    expect(outcome.requests.filter((r) => r.includes('widgets') && !r.includes('pulls/'))).toEqual([
      'GET /repos/acme/widgets/pulls',
      'GET /repos/acme/widgets/pulls',
      // Is it the pull request or the repository that is gone? The repository is there.
      'GET /repos/acme/widgets',
      'GET /repos/acme/widgets/pulls',
    ]);
    expect(outcome.notes).toContain(
      'warn: github: acme/widgets#2 is listed but gone (404); skipped',
    );
    expect(
      await rows(
        db,
        `SELECT number FROM github_pull_requests WHERE repository = 'acme/widgets' ORDER BY number DESC`,
      ),
    ).toEqual([{ number: 5 }, { number: 4 }, { number: 3 }, { number: 1 }]);
    expect(
      await rows(db, `SELECT status FROM github_repositories WHERE full_name = 'acme/widgets'`),
    ).toEqual([{ status: 'ok' }]);
  });

  it('refuses a GITHUB_API_URL that is not a URL', async () => {
    const { server, db } = await setup();
    const outcome = await run(server, db, {
      config: { orgs: ['acme'], repos: [] },
      env: { GITHUB_API_URL: 'api.github.com' },
    });
    expect((outcome.error as BarometerError).code).toBe('bad-input');
    expect((outcome.error as BarometerError).message).toBe(
      'GITHUB_API_URL must be an http(s) URL such as https://api.github.com, got "api.github.com"',
    );
    expect(server.requests).toEqual([]);
  });
});
