import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../bench/generate-history.ts';
import type {
  CommitSource,
  MinedCommit,
  WalkOptions,
} from '../../../collectors/git/commit-source.ts';
import { createGitCliSource } from '../../../collectors/git/engine-git-cli.ts';
import { createIsomorphicGitSource } from '../../../collectors/git/engine-isomorphic-git.ts';
import { createRepository, makeTempDir, type GitFixture } from '../../helpers/git-fixture.ts';

const gitCli = createGitCliSource();
const isomorphic = createIsomorphicGitSource({ fs });

/** Every commit an engine yields, by id, with its files in path order (engines may list them differently). */
async function mineAll(
  source: CommitSource,
  options: WalkOptions,
): Promise<Map<string, MinedCommit>> {
  const commits = new Map<string, MinedCommit>();
  const position = new Map<string, number>();
  for await (const commit of source.walk(options)) {
    expect(commits.has(commit.id)).toBe(false);
    position.set(commit.id, position.size);
    const files = commit.files
      ? [...commit.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      : null;
    commits.set(commit.id, { ...commit, files });
  }
  // The isomorphic-git engine yields parents before children, whatever order it picks among
  // siblings; git-cli yields git's own order (newest first).
  if (source.engine === 'isomorphic-git')
    for (const commit of commits.values()) {
      for (const parent of commit.parents) {
        if (position.has(parent))
          expect(position.get(parent)!).toBeLessThan(position.get(commit.id)!);
      }
    }
  return commits;
}

async function expectSameCommits(options: WalkOptions): Promise<number> {
  const [fromCli, fromIsomorphic] = [
    await mineAll(gitCli, options),
    await mineAll(isomorphic, options),
  ];
  expect([...fromIsomorphic.keys()].sort()).toEqual([...fromCli.keys()].sort());
  for (const [id, commit] of fromCli) expect(fromIsomorphic.get(id)).toEqual(commit);
  return fromCli.size;
}

describe('the git-CLI and isomorphic-git engines yield the same commits and files', () => {
  let repo: GitFixture;

  beforeAll(() => {
    repo = createRepository();
    repo.commit({
      message: 'root\n',
      files: {
        'a.txt': 'one\ntwo\nthree\n',
        'dir with space/ünï "q".txt': 'x\n',
        'new\nline': 'y\n',
        'keep.txt': Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join(''),
        'no-newline.txt': 'last line without newline',
      },
      date: { at: '2001-02-03T04:05:06Z', tz: '-1200' },
    });
    repo.commit({
      message: 'edit, rename unchanged, rename changed, binary\n',
      renames: [
        ['a.txt', 'b.txt'],
        ['keep.txt', 'moved/keep.txt'],
      ],
      files: {
        'moved/keep.txt': Array.from({ length: 200 }, (_, i) => `line ${i % 50 ? i : 'x'}\n`).join(
          '',
        ),
        'img.bin': new Uint8Array([1, 0, 2, 0, 3]),
        'no-newline.txt': 'last line without newline\n',
      },
      date: { at: '2001-02-04T04:05:06Z', tz: '+1400' },
    });
    repo.git(['update-index', '--chmod=+x', 'b.txt']);
    repo.commit({ message: 'mode change only\n' });
    repo.commit({ message: 'empty\n' });
    repo.checkout('side', true);
    repo.commit({ message: 'side\n', files: { 'side.txt': 's\n', 'img.bin': null } });
    repo.checkout('main');
    repo.commit({ message: 'main\n', files: { 'b.txt': 'one\n2\nthree\nfour\n' } });
    repo.merge('side', { message: 'merge side\n' });
    repo.commit({
      message: 'Ça va très bien\n',
      author: { name: 'Zoë Mañana', email: 'zoe@example.org' },
      encoding: 'ISO-8859-1',
      files: { 'b.txt': 'one\n' },
    });
  });

  afterAll(() => repo.cleanup());

  it('on a hand-made history with renames, binaries, mode changes, merges and latin-1', async () => {
    const options = {
      gitdir: repo.gitdir,
      head: repo.rev(),
      exclude: [],
      isKnown: () => false,
      withFiles: true,
    };
    expect(await expectSameCommits(options)).toBe(8);
    expect(await expectSameCommits({ ...options, withFiles: false })).toBe(8);
    expect(await expectSameCommits({ ...options, exclude: [repo.rev('HEAD~3')] })).toBe(4);
  });

  it('on a shallow clone of it', async () => {
    const shallow = join(repo.root, 'shallow');
    repo.git(['clone', '-q', '--depth', '3', `file://${repo.dir}`, shallow]);
    const options = {
      gitdir: join(shallow, '.git'),
      head: repo.rev(),
      exclude: [],
      isKnown: () => false,
      withFiles: true,
    };
    expect(await expectSameCommits(options)).toBeGreaterThanOrEqual(3);
  });

  it('on a generated history of 600 commits with random edits, topic merges and trailers', async () => {
    const cache = makeTempDir('barometer-equivalence-');
    try {
      const history = await generateHistory(
        { commits: 600, files: 300, authors: 50, seed: 7 },
        cache,
      );
      expect(fs.existsSync(join(history.gitdir, 'objects'))).toBe(true);
      const options = {
        gitdir: history.gitdir,
        head: history.head,
        exclude: [],
        isKnown: () => false,
        withFiles: true,
      };
      expect(await expectSameCommits(options)).toBe(600);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
