import { afterEach, describe, expect, it } from 'vitest';
import { createOctokit, resolveApiUrl } from '../../../collectors/github/create-octokit.ts';
import { decide, describeWait } from '../../../collectors/github/request-policy.ts';
import { systemClock } from '../../../src/lib/effects.ts';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';
import { fixtureState, NOW, TOKEN } from './fixture-state.ts';
import { captureLogger, recordingSleep } from './github-test-kit.ts';

const servers: FakeGitHub[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('resolveApiUrl', () => {
  it('prefers the config, then GITHUB_API_URL, then api.github.com', () => {
    const env = { GITHUB_API_URL: 'https://ghe.example/api/v3/' };
    expect(resolveApiUrl('https://git.corp.example/api/v3', env)).toBe(
      'https://git.corp.example/api/v3',
    );
    expect(resolveApiUrl(undefined, env)).toBe('https://ghe.example/api/v3');
    expect(resolveApiUrl(undefined, {})).toBe('https://api.github.com');
    expect(resolveApiUrl(undefined, { GITHUB_API_URL: ' ' })).toBe('https://api.github.com');
  });
});

describe('decide', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const policy = { transientRetries: 2, backoffMs: 1000, rateLimitRetries: 2 };
  const fresh = { rateLimitWaits: 0, transientRetries: 0 };
  const reset = String(now.getTime() / 1000 + 90);

  it('waits for a primary limit until its reset, on 403 and on 429', () => {
    for (const status of [403, 429]) {
      expect(
        decide(
          {
            status,
            headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
            message: 'API rate limit exceeded',
          },
          fresh,
          now,
          policy,
        ),
      ).toEqual({
        retry: true,
        kind: 'primary',
        until: new Date('2026-03-01T12:01:30Z'),
        waitMs: 90_000,
      });
    }
  });

  it('waits for a secondary limit as retry-after says, else a minute doubling', () => {
    const limited = { status: 403, headers: { 'retry-after': '7' }, message: 'x' };
    expect(decide(limited, fresh, now, policy)).toEqual({
      retry: true,
      kind: 'secondary',
      waitMs: 7000,
    });
    const dated = {
      status: 429,
      headers: { 'retry-after': 'Sun, 01 Mar 2026 12:00:45 GMT' },
      message: '',
    };
    expect(decide(dated, fresh, now, policy)).toEqual({
      retry: true,
      kind: 'secondary',
      waitMs: 45_000,
    });
    const bare = { status: 403, headers: {}, message: 'You have exceeded a secondary rate limit' };
    expect(decide(bare, { rateLimitWaits: 1, transientRetries: 0 }, now, policy)).toEqual({
      retry: true,
      kind: 'secondary',
      waitMs: 120_000,
    });
    expect(decide(bare, { rateLimitWaits: 2, transientRetries: 0 }, now, policy)).toEqual({
      retry: false,
    });
  });

  it('retries 5xx and network errors with backoff, and never a refusal', () => {
    expect(decide({ status: 502, headers: {}, message: '' }, fresh, now, policy)).toEqual({
      retry: true,
      kind: 'transient',
      waitMs: 1000,
    });
    const network = { status: 500, headers: undefined, message: 'ECONNRESET' };
    expect(decide(network, { rateLimitWaits: 0, transientRetries: 1 }, now, policy)).toEqual({
      retry: true,
      kind: 'transient',
      waitMs: 2000,
    });
    expect(decide(network, { rateLimitWaits: 0, transientRetries: 2 }, now, policy)).toEqual({
      retry: false,
    });
    for (const status of [401, 403, 404, 422]) {
      expect(decide({ status, headers: {}, message: 'Not Found' }, fresh, now, policy)).toEqual({
        retry: false,
      });
    }
  });

  it('describes waits as a person reads them', () => {
    expect([999, 42_000, 185_000, 3_720_000].map(describeWait)).toEqual([
      '1 s',
      '42 s',
      '3 min 05 s',
      '1 h 02 min',
    ]);
  });
});

describe('createOctokit', () => {
  it('sends the token, waits out a primary limit on the real clock, and says so', async () => {
    const server = await startFakeGitHub(fixtureState(), systemClock);
    servers.push(server);
    server.faults.push({ path: '/repos/other/tool', kind: 'primary', status: 429, resetIn: 1 });
    const logger = captureLogger();
    const octokit = createOctokit({
      token: TOKEN,
      baseUrl: server.url,
      logger,
      clock: systemClock,
    });
    const response = await octokit.request('GET /repos/{owner}/{repo}', {
      owner: 'other',
      repo: 'tool',
    });
    expect((response.data as { full_name: string }).full_name).toBe('other/tool');
    expect(server.paths()).toEqual(['GET /repos/other/tool', 'GET /repos/other/tool']);
    expect(server.requests.map((r) => r.authorization)).toEqual([
      `token ${TOKEN}`,
      `token ${TOKEN}`,
    ]);
    const waits = logger.lines.filter((line) => line.startsWith('info: '));
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatch(
      /^info: github: rate limit reached at GET \/repos\/other\/tool; waiting \d s until \d\d:\d\d:\d\d UTC, when it resets$/,
    );
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });

  it('uses the injected clock for the reset time', async () => {
    const server = await startFakeGitHub(fixtureState(), () => NOW);
    servers.push(server);
    server.faults.push({ path: '/users/alice', kind: 'primary', resetIn: 3600 });
    const sleep = recordingSleep();
    const logger = captureLogger();
    const octokit = createOctokit({
      token: TOKEN,
      baseUrl: server.url,
      logger,
      clock: () => NOW,
      sleep,
    });
    await octokit.request('GET /users/{username}', { username: 'alice' });
    expect(sleep.waits).toEqual([3_600_000]);
    expect(logger.lines.filter((line) => line.startsWith('info: '))).toEqual([
      'info: github: rate limit reached at GET /users/alice; waiting 1 h 00 min until 13:00:00 UTC, when it resets',
    ]);
  });
});
