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

describe('both engines read malformed commit objects alike', () => {
  let repo: GitFixture;
  const ids: Record<string, string> = {};
  const committer = 'committer C <c@example.org> 1700000000 +0000\n';

  beforeAll(() => {
    repo = createRepository();
    repo.commit({ message: 'root\n' });
    const raw = (name: string, author: string, message = `${name}\n`) => {
      ids[name] = repo.rawCommit(
        Buffer.concat([
          Buffer.from('author '),
          Buffer.from(author, 'latin1'),
          Buffer.from(`\n${committer}`),
        ]),
        message,
      );
    };
    raw('negative', 'Neg <neg@example.org> -86400 +0100');
    raw('garbage zone', 'Garb <garb@example.org> 1700000000 garbage');
    raw('no zone', 'None <none@example.org> 1700000000');
    raw('no address', 'No Address 1700000000 +0000');
    raw('nul', 'Nul\0Name <nul@example.org> 1700000000 +0200');
    raw('nul after date', 'Late <late@example.org> 1700000000 +0100\0 <x> junk');
    raw('markup', '<img src=x onerror=alert(1)> <xss2@example.org> 1700000000 +0200');
    raw('short zone', 'Short <short@example.org> 1700000000 +05');
    raw('spaces', '  Lead  <  sp@example.org  > 1700000000 -0130');
    raw('epoch', 'Epoch <epoch@example.org> 0 +0000');
    raw(
      'byte-order mark',
      'Bom <bom@example.org> 1700000000 +0000',
      '\uFEFFsubject after a BOM\n\nbody\n',
    );
    raw('nul in message', 'Msg <msg@example.org> 1700000000 +0000', 'cut\0 here\n');
    raw('no date', 'Nodate <nodate@example.org>');
    raw('far future', 'Far <far@example.org> 99999999999999 +0000');
    ids['no author'] = repo.rawCommit(committer, 'no author\n');
    repo.commit({ message: 'after\n' });
  });

  afterAll(() => repo.cleanup());

  it('stores the same rows and names the same unreadable commits', async () => {
    const unreadable: Record<string, string[]> = { 'git-cli': [], 'isomorphic-git': [] };
    const mined: Record<string, Map<string, MinedCommit>> = {};
    for (const source of [gitCli, isomorphic]) {
      mined[source.engine] = await mineAll(source, {
        gitdir: repo.gitdir,
        head: repo.rev(),
        exclude: [],
        isKnown: () => false,
        withFiles: true,
        onUnreadable: (id, reason) => unreadable[source.engine]!.push(`${id} ${reason}`),
      });
    }
    expect(unreadable['isomorphic-git']!.sort()).toEqual(unreadable['git-cli']!.sort());
    expect(unreadable['git-cli']!.sort()).toEqual(
      [
        `${ids['no date']} author "Nodate <nodate@example.org>" has no readable date`,
        `${ids['far future']} author "Far <far@example.org> 99999999999999 +0000" has no readable date`,
        `${ids['no author']} no author line`,
      ].sort(),
    );
    const cli = mined['git-cli']!;
    expect([...mined['isomorphic-git']!.keys()].sort()).toEqual([...cli.keys()].sort());
    for (const [id, commit] of cli) expect(mined['isomorphic-git']!.get(id)).toEqual(commit);
    expect(cli.size).toBe(14);

    const author = (name: string) => {
      const { name: n, email, time, utcOffsetMinutes } = cli.get(ids[name]!)!.author;
      return [n, email, time.toISOString(), utcOffsetMinutes];
    };
    const at = '2023-11-14T22:13:20.000Z';
    expect(author('negative')).toEqual(['Neg', 'neg@example.org', '1969-12-31T00:00:00.000Z', 60]);
    expect(author('garbage zone')).toEqual(['Garb', 'garb@example.org', at, 0]);
    expect(author('no zone')).toEqual(['None', 'none@example.org', at, 0]);
    expect(author('no address')).toEqual(['No Address', '', at, 0]);
    expect(author('nul')).toEqual(['Nul\uFFFDName', 'nul@example.org', at, 120]);
    expect(author('nul after date')).toEqual(['Late', 'late@example.org', at, 60]);
    // As git reads it: the address is between the first `<` and the first `>`.
    expect(author('markup')).toEqual(['', 'img src=x onerror=alert(1)', at, 120]);
    expect(author('short zone')).toEqual(['Short', 'short@example.org', at, 5]);
    expect(author('spaces')).toEqual(['  Lead', '  sp@example.org  ', at, -90]);
    expect(author('epoch')).toEqual(['Epoch', 'epoch@example.org', '1970-01-01T00:00:00.000Z', 0]);
    expect(cli.get(ids['byte-order mark']!)!.message).toBe('\uFEFFsubject after a BOM\n\nbody\n');
    expect(cli.get(ids['nul in message']!)!.message).toBe('cut');
  });

  it('match what git log prints wherever git reads a date', () => {
    const printed = repo.gitDir(['log', '--date=raw', '--format=%H %an|%ae|%ad']).split('\n');
    for (const name of ['markup', 'short zone', 'nul after date', 'spaces']) {
      const line = printed.find((l) => l.startsWith(ids[name]!))!;
      expect(line, name).toMatch(/\|\d+ [+-]\d{4}$/);
    }
    const markup = printed.find((l) => l.startsWith(ids.markup!))!;
    expect(markup).toBe(`${ids.markup} |img src=x onerror=alert(1)|1700000000 +0200`);
  });
});
