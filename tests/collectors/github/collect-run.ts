/**
 * One collector run against the fake GitHub, with everything it said captured: the summary or the
 * error, every log line, the waits it asked for and the requests the server saw.
 */
import { afterEach, expect } from 'vitest';
import { collectGitHub } from '../../../collectors/github/collect-github.ts';
import type { FetchLimits } from '../../../collectors/github/guarded-fetch.ts';
import type { RequestPolicyOptions } from '../../../collectors/github/request-policy.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';
import { fixtureState, NOW, TOKEN } from './fixture-state.ts';
import { captureLogger, dumpDatabase, errorText, recordingSleep } from './github-test-kit.ts';

/** The tests' clock: always {@link NOW}. */
export const clock = () => NOW;
const open: Array<{ close(): Promise<void> }> = [];

/** Closes what {@link setup} opened after each test of the file that calls this. */
export function closeAfterEach(): void {
  afterEach(async () => {
    for (const item of open.splice(0).reverse()) await item.close();
  });
}

/** A fake GitHub serving the fixture, and an empty in-memory database. */
export async function setup(): Promise<{ server: FakeGitHub; db: NodeDatabase }> {
  const server = await startFakeGitHub(fixtureState(), clock);
  open.push(server);
  const db = await openNodeDatabase(':memory:');
  open.push(db);
  return { server, db };
}

/** What a test may change about a run. */
export interface RunOptions {
  token?: string | undefined;
  env?: Record<string, string | undefined>;
  config?: { orgs: string[]; repos: string[]; apiUrl?: string; longestWaitMinutes?: number };
  policy?: RequestPolicyOptions;
  limits?: FetchLimits;
}

/**
 * Runs the collector (by default: org acme, repos other/tool, acme/gone, acme/Widgets, the fixture
 * token) and returns what happened; never throws.
 */
export async function run(server: FakeGitHub, db: NodeDatabase, options: RunOptions = {}) {
  const logger = captureLogger();
  const sleep = recordingSleep();
  const from = server.requests.length;
  let error: unknown;
  let summary;
  try {
    summary = await collectGitHub({
      db,
      config: options.config ?? {
        orgs: ['acme'],
        repos: ['other/tool', 'acme/gone', 'acme/Widgets'],
        apiUrl: server.url,
      },
      token: 'token' in options ? options.token : TOKEN,
      env: options.env ?? {},
      logger,
      clock,
      sleep,
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
  } catch (e) {
    error = e;
  }
  const notes = logger.lines.filter((line) => !line.startsWith('debug: '));
  const requests = server.requests.slice(from).map((r) => `${r.method} ${r.path}`);
  return { summary, error, logger, notes, sleep, requests };
}

/** Fails when the token is in the database, in any log line (debug too) or in the error. */
export async function expectNoToken(
  db: NodeDatabase,
  outcome: { logger: { lines: string[] }; error: unknown },
  token = TOKEN,
) {
  const everything = [
    await dumpDatabase(db),
    outcome.logger.lines.join('\n'),
    errorText(outcome.error),
  ].join('\n');
  expect(everything).not.toContain(token);
  expect(everything.length).toBeGreaterThan(100);
}
