/**
 * A collector run in its own process, for the test that kills it half-way:
 * `node --import ./src/cli/register.js collect-github-child.ts DB API-URL`, token in GITHUB_TOKEN.
 */
import { collectGitHub } from '../../../collectors/github/collect-github.ts';
import { openNodeDatabase } from '../../../src/lib/db/node.ts';

const [path, apiUrl] = process.argv.slice(2);
const db = await openNodeDatabase(path!);
const line = (message: string) => void process.stderr.write(`${message}\n`);
await collectGitHub({
  db,
  config: { orgs: ['acme'], repos: ['other/tool', 'acme/gone'], apiUrl: apiUrl! },
  token: process.env.GITHUB_TOKEN,
  env: {},
  logger: { info: line, warn: line, debug: () => {} },
  clock: () => new Date('2026-03-01T12:00:00Z'),
});
await db.close();
