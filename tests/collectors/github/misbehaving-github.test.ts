/**
 * A GitHub server that misbehaves, for real, on 127.0.0.1: the collector stops with one clear
 * error instead of hanging, reading without end or following the server elsewhere, and a later
 * run carries on from what was stored.
 */
import { describe, expect, it } from 'vitest';
import { BarometerError } from '../../../src/lib/errors.ts';
import { closeAfterEach, expectNoToken, run, setup } from './collect-run.ts';
import { startFakeGitHub } from './fake-github.ts';
import { fixtureState } from './fixture-state.ts';
import { rows } from './github-test-kit.ts';

closeAfterEach();

/** Tight bounds, so each misbehaviour is caught in about a second. */
const limits = { idleSeconds: 0.3, totalSeconds: 1, maxBodyBytes: 1024 * 1024 };
const ORG = { orgs: ['acme'], repos: [] };

const message = (error: unknown) => {
  expect(error).toBeInstanceOf(BarometerError);
  expect((error as BarometerError).code).toBe('github');
  return (error as BarometerError).message;
};

describe('collectGitHub against a misbehaving server', () => {
  it('gives up on a server that never answers, after its retries', async () => {
    const { server, db } = await setup();
    server.faults.push({ path: '/orgs/acme/repos', kind: 'hang', times: 2 });
    const outcome = await run(server, db, {
      config: { ...ORG, apiUrl: server.url },
      limits,
      policy: { transientRetries: 1 },
    });
    expect(message(outcome.error)).toBe(
      'GitHub API GET /orgs/acme/repos?type=all&per_page=100 could not be reached: no answer for 0.3 s',
    );
    expect(outcome.sleep.waits).toEqual([1000]);
    expect(outcome.requests).toEqual(['GET /orgs/acme/repos', 'GET /orgs/acme/repos']);
  });

  it('gives up on a body trickled a byte at a time', async () => {
    const { server, db } = await setup();
    server.faults.push({ path: '/orgs/acme/repos', kind: 'trickle', intervalMs: 50, times: 2 });
    const outcome = await run(server, db, {
      config: { ...ORG, apiUrl: server.url },
      limits,
      policy: { transientRetries: 1 },
    });
    expect(message(outcome.error)).toBe(
      'GitHub API GET /orgs/acme/repos?type=all&per_page=100 could not be reached: no whole answer within 1 s',
    );
  });

  it('refuses a body larger than the bound, at once', async () => {
    const { server, db } = await setup();
    server.faults.push({ path: '/orgs/acme/repos', kind: 'endless' });
    const outcome = await run(server, db, { config: { ...ORG, apiUrl: server.url }, limits });
    expect(message(outcome.error)).toBe(
      'GitHub API GET /orgs/acme/repos?type=all&per_page=100 answered with more than 1 MB, more ' +
        'than a page can hold; Barometer stops rather than fill the memory',
    );
    expect(outcome.requests).toEqual(['GET /orgs/acme/repos']);
  });

  it('stops when the next-page link leads back to a page already read', async () => {
    const { server, db } = await setup();
    server.faults.push({ path: '/repos/acme/widgets/pulls', kind: 'self-link', times: 100 });
    const outcome = await run(server, db, { config: { ...ORG, apiUrl: server.url }, limits });
    expect(message(outcome.error)).toBe(
      'GitHub API GET /repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100: ' +
        'the next-page link leads back to a page already read; the server is in a loop, so Barometer stops here',
    );
    expect(outcome.requests.filter((r) => r === 'GET /repos/acme/widgets/pulls')).toHaveLength(2);
  });

  it('never follows a next-page link to another server, so the token stays home', async () => {
    const { server, db } = await setup();
    const elsewhere = await startFakeGitHub(fixtureState(), () => new Date());
    try {
      server.faults.push({
        path: '/repos/acme/widgets/pulls',
        kind: 'foreign-link',
        to: elsewhere.url,
      });
      const outcome = await run(server, db, { config: { ...ORG, apiUrl: server.url }, limits });
      expect(message(outcome.error)).toBe(
        `GitHub API answered with a link to ${elsewhere.url}, another server than ${server.url}; ` +
          'Barometer sends the token only to the API it was given, so it stops here',
      );
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('stops with a clear line when a rate limit lifts later than the longest wait, and resumes', async () => {
    const { server, db } = await setup();
    server.faults.push({
      path: '/repos/acme/widgets/pulls/3',
      kind: 'primary',
      resetIn: 20 * 24 * 3600,
    });
    const first = await run(server, db, { config: { ...ORG, apiUrl: server.url } });
    expect(message(first.error)).toBe(
      "GitHub's rate limit at GET /repos/acme/widgets/pulls/3 lifts at 2026-03-21 12:00 UTC, in " +
        '480 h 00 min: longer than the longest wait (1 h 30 min, github.longestWaitMinutes); what ' +
        'was collected is kept, and collect carries on from there when run again after that time',
    );
    expect(first.sleep.waits).toEqual([]);
    const kept = await rows(db, `SELECT number FROM github_pull_requests ORDER BY number`);
    expect(kept.length).toBeGreaterThan(0);
    const second = await run(server, db, { config: { ...ORG, apiUrl: server.url } });
    expect(second.error).toBeUndefined();
    expect(await rows(db, `SELECT number FROM github_pull_requests ORDER BY number`)).toEqual(
      [1, 2, 3, 4, 5].map((number) => ({ number })),
    );
    // A longer bound, set in the config, waits it out.
    server.faults.push({ path: '/repos/acme/widgets', kind: 'primary', resetIn: 7200 });
    const patient = await run(server, db, {
      config: { orgs: [], repos: ['acme/widgets'], apiUrl: server.url, longestWaitMinutes: 180 },
    });
    expect(patient.error).toBeUndefined();
    expect(patient.sleep.waits).toEqual([7_200_000]);
  });
});

describe('the token and a hostile server', () => {
  it('is scrubbed, and any start of it of 8 characters or more, from everything stored', async () => {
    const { server, db } = await setup();
    const token = server.state.token;
    const widgets = server.state.repositories['acme/widgets']!;
    widgets.pulls[0]!.title = `echo ${token} in a title`;
    widgets.pulls[0]!.commits[0]!.email = `${token}@leak.example`;
    server.state.users.alice!.name = `Alice ${token.slice(0, 20)}`;
    server.state.users.alice!.company = token.slice(0, 8);
    const outcome = await run(server, db, { config: { ...ORG, apiUrl: server.url } });
    expect(outcome.error).toBeUndefined();
    await expectNoToken(db, outcome, token.slice(0, 8));
    expect(await rows(db, `SELECT title FROM github_pull_requests WHERE number = 1`)).toEqual([
      { title: 'echo [token] in a title' },
    ]);
    expect(await rows(db, `SELECT name, company FROM github_users WHERE login = 'alice'`)).toEqual([
      { name: 'Alice [token]', company: '[token]' },
    ]);
  });

  it('is scrubbed from a message that shows only the start of a value', async () => {
    const { server, db } = await setup();
    const token = server.state.token;
    server.state.repositories['acme/widgets']!.pulls[0]!.detail = {
      state: `closed ${'.'.repeat(20)}${token}`,
    };
    const outcome = await run(server, db, { config: { ...ORG, apiUrl: server.url } });
    expect(message(outcome.error)).toBe(
      'GitHub API GET /repos/acme/widgets/pulls/1: field "state" must be one of open, closed, got ' +
        '"closed ....................[token]...',
    );
    await expectNoToken(db, outcome, token.slice(0, 8));
  });

  it('is never sent over plain http to another host than localhost', async () => {
    const { server, db } = await setup();
    const outcome = await run(server, db, {
      config: { ...ORG, apiUrl: 'http://github.example.com/api/v3' },
    });
    expect((outcome.error as BarometerError).code).toBe('bad-input');
    expect((outcome.error as BarometerError).message).toBe(
      'github.apiUrl http://github.example.com/api/v3 is plain http, which would send the token ' +
        'unencrypted; use https (plain http is accepted only for localhost)',
    );
    expect(server.requests).toEqual([]);
  });
});
