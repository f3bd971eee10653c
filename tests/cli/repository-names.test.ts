import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import { startGitHttpServer } from '../collectors/git/git-http-server.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { createRepository, makeTempDir } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const defer = cleanupAfterAll();

describe('repository names never lead out of data/repos/', () => {
  it('refuses a name with "..", before fetching anything, and leaves the repository there alone', async () => {
    const remote = createRepository({ bare: true });
    defer(() => remote.cleanup());
    remote.commit({ message: 'remote\n' });
    const server = await startGitHttpServer(remote.root);
    defer(() => server.close());

    const root = makeTempDir();
    defer(() => rmSync(root, { recursive: true, force: true }));
    const cwd = join(root, 'work');
    mkdirSync(join(cwd, 'projects'), { recursive: true });
    // data/repos/../../../victim.git is a bare repository beside the folder collect runs in.
    const victim = createRepository({ bare: true });
    defer(() => victim.cleanup());
    victim.commit({ message: 'victim\n' });
    const victimGitdir = join(dirname(cwd), 'victim.git');
    victim.git(['clone', '-q', '--bare', victim.gitdir, victimGitdir]);
    const before = readFileSync(join(victimGitdir, 'HEAD'), 'utf8');
    const config = join(cwd, 'projects', 'p.json');
    writeFileSync(
      config,
      JSON.stringify({
        name: 'p',
        repositories: [{ source: `${server.url}/repo.git`, name: '../../../victim' }],
      }),
    );
    const run = await runCli(['collect', 'projects/p.json'], { cwd, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'barometer collect: projects/p.json: field "repositories[0].name" must be a name without ' +
        '"/", "\\", "..", control characters or a leading "-", got "../../../victim"\n',
    );
    expect(server.requests).toEqual([]);
    expect(readFileSync(join(victimGitdir, 'HEAD'), 'utf8')).toBe(before);
    expect(readdirSync(dirname(cwd)).sort()).toEqual(['victim.git', 'work']);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });

  it('refuses a database whose repositories table names a folder outside the cache', async () => {
    const cwd = makeTempDir();
    defer(() => rmSync(cwd, { recursive: true, force: true }));
    const path = join(cwd, 'old.duckdb');
    const db = await openNodeDatabase(path);
    await ensureSchema(db);
    await db.query(
      `INSERT INTO repositories VALUES ('../escape', 'http://127.0.0.1:9/x.git', 'main', NULL, NULL)`,
    );
    await db.close();
    const run = await runCli(['collect', 'old.duckdb'], { cwd, env: {} });
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(
      `barometer collect: ${path}: repositories.name "../escape" must be a name without "/", ` +
        '"\\", "..", control characters or a leading "-"\n',
    );
    expect(existsSync(join(cwd, 'escape.git'))).toBe(false);
  });
});
