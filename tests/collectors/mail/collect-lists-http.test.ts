/**
 * A list archive served over http: a real `git http-backend` on 127.0.0.1 serves a public-inbox
 * epoch; the first run clones it into the cache, the second fetches only what was added and reads
 * only the new messages, with either engine.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLists } from '../../../collectors/mail/collect-lists.ts';
import { openNodeDatabase } from '../../../src/lib/db/node.ts';
import { silentLogger } from '../../../src/lib/effects.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';
import { makeTempDir } from '../../helpers/git-fixture.ts';
import { startGitHttpServer } from '../git/git-http-server.ts';
import { EpochFixture } from './mail-fixture.ts';
import { develMessages } from './review-scenario.ts';

const defer = cleanupAfterAll();

describe('a list archive over http', () => {
  for (const engine of ['git-cli', 'isomorphic-git'] as const) {
    it(`clones an epoch, then fetches and reads only new messages (${engine})`, async () => {
      const root = makeTempDir('barometer-mail-http-');
      defer(() => fs.rmSync(root, { recursive: true, force: true }));
      const served = join(root, 'served');
      const epoch = new EpochFixture(join(served, 'devel', '0.git'));
      const messages = develMessages();
      epoch.append(messages.slice(0, 10).map((mail) => ({ mail })));
      const server = await startGitHttpServer(served);
      defer(() => server.close());
      const db = await openNodeDatabase(':memory:');
      defer(() => db.close());
      const cacheDir = join(root, 'data', 'repos');
      const options = {
        db,
        lists: [{ source: `${server.url}/devel/0.git`, name: 'devel' }],
        engine,
        fs,
        logger: silentLogger,
        clock: () => new Date('2020-01-01T00:00:00Z'),
        cacheDir,
      };
      expect((await collectLists(options))[0]).toMatchObject({ read: 10, added: 10 });
      const cached = fs.readdirSync(join(cacheDir, 'lists'));
      expect(cached).toEqual([
        expect.stringMatching(/^127\.0\.0\.1-\d+-devel-0\.git-[0-9a-f]{8}\.git$/),
      ]);

      expect((await collectLists(options))[0]).toMatchObject({ read: 0, added: 0, engines: [] });
      epoch.append(messages.slice(10, 13).map((mail) => ({ mail })));
      const before = server.requests.length;
      expect((await collectLists(options))[0]).toMatchObject({ read: 3, added: 3 });
      // The second fetch asked the server for the new objects only (one negotiation).
      const fetches = server.requests.slice(before).filter((r) => r.startsWith('POST'));
      expect(fetches.length).toBeGreaterThan(0);
      expect(fs.readdirSync(join(cacheDir, 'lists'))).toEqual(cached);
      expect(await db.query('SELECT count(*) AS n FROM messages')).toEqual([{ n: 13 }]);
      expect(await db.query(`SELECT last_commit_id FROM mail_sources`)).toEqual([
        { last_commit_id: epoch.log().at(-1) },
      ]);
    });
  }

  it('says in one line when the server cannot be reached', async () => {
    const db = await openNodeDatabase(':memory:');
    defer(() => db.close());
    const root = makeTempDir('barometer-mail-http-');
    defer(() => fs.rmSync(root, { recursive: true, force: true }));
    const server = await startGitHttpServer(root);
    await server.close();
    await expect(
      collectLists({
        db,
        lists: [{ source: `${server.url}/none.git`, name: 'x' }],
        engine: 'git-cli',
        fs,
        logger: silentLogger,
        clock: () => new Date(),
        cacheDir: join(root, 'repos'),
      }),
    ).rejects.toThrow(/^cannot fetch http:\/\/127\.0\.0\.1:\d+\/none\.git: /);
  });
});
