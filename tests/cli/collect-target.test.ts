import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTargetArguments, resolveProjectTarget } from '../../src/cli/project-target.ts';
import { isBarometerError } from '../../src/lib/errors.ts';
import { createRepository, makeTempDir } from '../helpers/git-fixture.ts';

const repo = createRepository();
repo.commit({ message: 'first', files: { 'a.txt': 'a\n' } });
const bare = createRepository({ bare: true });
bare.commit({ message: 'first', files: { 'a.txt': 'a\n' } });
const work = makeTempDir();
afterAll(() => {
  repo.cleanup();
  bare.cleanup();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isBarometerError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('parseTargetArguments', () => {
  it('takes the target flags out and leaves the command its own', () => {
    expect(
      parseTargetArguments(
        [
          'x.json',
          '--db',
          'o.duckdb',
          '--engine',
          'git-cli',
          '--mailmap=a',
          '--mailmap',
          'b',
          '--aliases',
          'c',
          '--email-map',
          'd',
          '--no-default-map',
          '--no-files',
        ],
        ['--engine'],
      ),
    ).toEqual({
      target: 'x.json',
      db: 'o.duckdb',
      emailMaps: ['d'],
      aliases: ['c'],
      mailmaps: ['a', 'b'],
      noDefaultMap: true,
      rest: ['--engine', 'git-cli', '--no-files'],
    });
  });

  it('refuses a flag without its value and a second target', () => {
    expect(() => parseTargetArguments(['--db'])).toThrow('--db needs a value');
    expect(() => parseTargetArguments(['a', 'b'])).toThrow("got 'a' and 'b'");
  });
});

describe('resolveProjectTarget', () => {
  it('uses the repository holding the current folder when given nothing', async () => {
    mkdirSync(join(repo.dir, 'sub', 'deeper'), { recursive: true });
    const target = await resolveProjectTarget(undefined, { cwd: join(repo.dir, 'sub', 'deeper') });
    expect(target.kind).toBe('current-folder');
    expect(target.config.name).toBe('work');
    expect(target.config.repositories).toEqual([{ source: repo.dir, name: 'work' }]);
    expect(target.databasePath).toBe(join(repo.dir, 'sub', 'deeper', 'data', 'work.duckdb'));
  });

  it('resolves a bare repository path, a URL and --db', async () => {
    const target = await resolveProjectTarget(bare.gitdir, { cwd: work, db: 'x/y.duckdb' });
    expect(target.kind).toBe('repository');
    expect(target.config.repositories).toEqual([{ source: bare.gitdir, name: 'repo' }]);
    expect(target.databasePath).toBe(join(work, 'x', 'y.duckdb'));
    const url = await resolveProjectTarget('https://example.org/git/xen.git', { cwd: work });
    expect(url.kind).toBe('url');
    expect(url.config.repositories).toEqual([
      { source: 'https://example.org/git/xen.git', name: 'xen' },
    ]);
    expect(url.databasePath).toBe(join(work, 'data', 'xen.duckdb'));
  });

  it('resolves a config with paths relative to its folder and merges the identity flags', async () => {
    mkdirSync(join(work, 'projects'), { recursive: true });
    const file = join(work, 'projects', 'demo.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'demo',
        repositories: [{ source: '../r', name: 'r', branch: 'main' }, 'https://example.org/x.git'],
        affiliations: { emailMaps: ['maps/EmailMap'] },
      }),
    );
    const target = await resolveProjectTarget('projects/demo.json', {
      cwd: work,
      mailmaps: ['m'],
      noDefaultMap: true,
    });
    expect(target.kind).toBe('config');
    expect(target.configFile).toBe(file);
    expect(target.config.repositories).toEqual([
      { source: join(work, 'r'), name: 'r', branch: 'main' },
      { source: 'https://example.org/x.git', name: 'x' },
    ]);
    expect(target.config.affiliations.emailMaps).toEqual([
      join(work, 'projects', 'maps', 'EmailMap'),
    ]);
    expect(target.config.affiliations.mailmaps).toEqual([join(work, 'm')]);
    expect(target.config.affiliations.defaultMap).toBe(false);
    expect(target.databasePath).toBe(join(work, 'data', 'demo.duckdb'));
  });

  it('resolves a database file to itself', async () => {
    const file = join(work, 'old.duckdb');
    writeFileSync(file, '');
    const target = await resolveProjectTarget(file, { cwd: work });
    expect(target).toMatchObject({ kind: 'database', databasePath: file });
    expect(target.config.name).toBe('old');
  });

  it('names what is wrong in one line', async () => {
    expect(await failure(resolveProjectTarget('nope', { cwd: work }))).toEqual({
      code: 'not-found',
      message: 'nope: no such file or folder',
    });
    mkdirSync(join(work, 'plain'));
    expect(await failure(resolveProjectTarget('plain', { cwd: work }))).toEqual({
      code: 'source',
      message: 'plain: not a git repository',
    });
    writeFileSync(
      join(work, 'bad.json'),
      JSON.stringify({ name: 'b', repositories: [{ source: 3 }] }),
    );
    expect(await failure(resolveProjectTarget('bad.json', { cwd: work }))).toEqual({
      code: 'bad-input',
      message: 'bad.json: field "repositories[0].source" must be a path or URL, got 3',
    });
    expect((await failure(resolveProjectTarget(undefined, { cwd: work }))).code).toBe('source');
  });
});
