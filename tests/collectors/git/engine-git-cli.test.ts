import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinedCommit, WalkOptions } from '../../../collectors/git/commit-source.ts';
import { createGitCliSource, findGit } from '../../../collectors/git/engine-git-cli.ts';
import { isBarometerError } from '../../../src/lib/errors.ts';
import { createRepository, makeTempDir, type GitFixture } from '../../helpers/git-fixture.ts';

const source = createGitCliSource();

/** Every commit `engine` (default: the plain git-cli source) yields for `fixture`'s whole history. */
async function mine(
  fixture: GitFixture,
  options: Partial<WalkOptions> = {},
  engine = source,
): Promise<MinedCommit[]> {
  const commits: MinedCommit[] = [];
  for await (const commit of engine.walk({
    gitdir: fixture.gitdir,
    head: fixture.rev(),
    exclude: [],
    isKnown: () => false,
    withFiles: true,
    ...options,
  })) {
    commits.push(commit);
  }
  return commits;
}

const ada = { name: 'Ada Lovelace', email: 'ada@example.org' };
const grace = { name: 'Grace Hopper', email: 'grace@navy.example' };
const jose = { name: 'José Müller', email: 'jose@müller.example' };

/** 5 MB of text: 100,000 lines of 49 characters and a newline. */
function bigText(changedEvery = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    const mark = changedEvery && i % changedEvery === 0 ? 'CHANGED' : 'line';
    lines.push(`${mark} ${String(i).padStart(8, '0')} `.padEnd(49, 'x'));
  }
  return lines.join('\n') + '\n';
}

describe('findGit', () => {
  it('finds the installed git and returns null for a binary that does not exist', async () => {
    expect(await findGit()).toBe('git');
    expect(await findGit({ git: 'barometer-no-such-git-binary' })).toBeNull();
  });
});

describe('git-cli engine on a linear history with every odd case', () => {
  let repo: GitFixture;
  const ids = {} as Record<
    'root' | 'odd' | 'binary' | 'rename' | 'empty' | 'latin1' | 'noHeader',
    string
  >;
  const oddPaths = [
    'dir with spaces/file name.txt',
    'quote"and\'apostrophe.txt',
    'new\nline.txt',
    'tab\there.txt',
    'ünïcödé/日本語.md',
    'back\\slash.txt',
    '-dash-first.txt',
  ];

  beforeAll(() => {
    repo = createRepository();
    ids.root = repo.commit({
      message: 'Root: add the basics\n\nWith a body.\n',
      files: { 'README.md': 'one\ntwo\nthree\n', 'src/main.c': 'int main;\n' },
      author: ada,
      date: { at: '2010-01-01T00:00:00Z', tz: '+0000' },
    });
    ids.odd = repo.commit({
      message: 'Add files with odd names',
      files: Object.fromEntries(oddPaths.map((path, i) => [path, `${i}\n`.repeat(i + 1)])),
      author: grace,
      committer: ada,
      date: { at: '2010-01-02T12:00:00Z', tz: '-1200' },
      committerDate: { at: '2010-01-03T13:30:00Z', tz: '+1400' },
    });
    ids.binary = repo.commit({
      message: 'Add a binary file and a big one\n',
      files: {
        'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 255]),
        'big.txt': bigText(),
      },
      date: { at: '2011-06-15T08:00:00Z', tz: '+0530' },
    });
    ids.rename = repo.commit({
      message: 'Rename main.c and change it, edit the big file, delete the README\n',
      renames: [['src/main.c', 'src/start.c']],
      files: {
        'src/start.c': 'int main;\n',
        'big.txt': bigText(1000),
        'README.md': null,
      },
      date: { at: '2012-02-29T23:59:59Z', tz: '-0930' },
    });
    ids.empty = repo.commit({
      message: 'An empty commit\n\nReviewed-by: Grace Hopper <grace@navy.example>\n',
      date: { at: '2013-01-01T00:00:00Z', tz: '+1245' },
    });
    ids.latin1 = repo.commit({
      message: 'Café crème for Müller\n\nSigned-off-by: José Müller <jose@example.org>\n',
      files: { 'src/start.c': 'int main;\nint café;\n' },
      author: jose,
      encoding: 'ISO-8859-1',
      date: { at: '2014-07-01T10:00:00Z', tz: '+0200' },
    });
    // A latin-1 commit written by a tool that forgot the encoding header: its bytes are not UTF-8.
    const tree = repo.git(['write-tree']);
    const raw =
      `tree ${tree}\nparent ${ids.latin1}\n` +
      'author Fran\xe7ois Tr\xe9sor <fr@example.org> 1420070400 -0300\n' +
      'committer Fran\xe7ois Tr\xe9sor <fr@example.org> 1420070400 -0300\n\nD\xe9j\xe0 vu\n';
    ids.noHeader = repo.git(
      ['hash-object', '-t', 'commit', '-w', '--stdin'],
      {},
      Buffer.from(raw, 'latin1'),
    );
    repo.git(['update-ref', 'HEAD', ids.noHeader]);
  });

  afterAll(() => repo.cleanup());

  it('yields every commit, in git rev-list order, with exact ids, parents, people, instants and offsets', async () => {
    const yielded = await mine(repo);
    // git's own order, newest first: streamed as git walks, with no wait for the whole history.
    expect(yielded.map((c) => c.id)).toEqual(repo.git(['rev-list', 'HEAD']).trim().split('\n'));
    const commits = [...yielded].reverse();
    expect(commits.map((c) => c.id)).toEqual([
      ids.root,
      ids.odd,
      ids.binary,
      ids.rename,
      ids.empty,
      ids.latin1,
      ids.noHeader,
    ]);
    expect(commits.map((c) => c.parents)).toEqual([
      [],
      [ids.root],
      [ids.odd],
      [ids.binary],
      [ids.rename],
      [ids.empty],
      [ids.latin1],
    ]);
    const [root, odd, binary, rename, empty, latin1, noHeader] = commits;
    expect(root!.author).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      time: new Date('2010-01-01T00:00:00Z'),
      utcOffsetMinutes: 0,
    });
    expect(odd!.author).toEqual({
      name: 'Grace Hopper',
      email: 'grace@navy.example',
      time: new Date('2010-01-02T12:00:00Z'),
      utcOffsetMinutes: -720,
    });
    expect(odd!.committer).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      time: new Date('2010-01-03T13:30:00Z'),
      utcOffsetMinutes: 840,
    });
    expect(binary!.author.utcOffsetMinutes).toBe(330);
    expect(rename!.author.time).toEqual(new Date('2012-02-29T23:59:59Z'));
    expect(rename!.author.utcOffsetMinutes).toBe(-570);
    expect(empty!.author.utcOffsetMinutes).toBe(765);
    expect(latin1!.author).toEqual({
      name: 'José Müller',
      email: 'jose@müller.example',
      time: new Date('2014-07-01T10:00:00Z'),
      utcOffsetMinutes: 120,
    });
    expect(noHeader!.author).toEqual({
      name: 'François Trésor',
      email: 'fr@example.org',
      time: new Date('2015-01-01T00:00:00Z'),
      utcOffsetMinutes: -180,
    });
    expect(noHeader!.committer).toEqual(noHeader!.author);
  });

  it('keeps messages byte for byte, decoding latin-1 with or without an encoding header', async () => {
    const commits = (await mine(repo, { withFiles: false })).reverse();
    expect(commits.map((c) => c.message)).toEqual([
      'Root: add the basics\n\nWith a body.\n',
      'Add files with odd names',
      'Add a binary file and a big one\n',
      'Rename main.c and change it, edit the big file, delete the README\n',
      'An empty commit\n\nReviewed-by: Grace Hopper <grace@navy.example>\n',
      'Café crème for Müller\n\nSigned-off-by: José Müller <jose@example.org>\n',
      'Déjà vu\n',
    ]);
    for (const commit of commits) expect(commit.files).toBeNull();
  });

  it('lists changed files with exact line counts, renames, binaries, deletions and odd paths', async () => {
    const byId = new Map((await mine(repo)).map((c) => [c.id, c.files]));
    const text = (path: string, linesAdded: number, linesDeleted = 0, oldPath = null) => ({
      path,
      oldPath,
      linesAdded,
      linesDeleted,
      isBinary: false,
    });
    const sorted = (files: MinedCommit['files'] | undefined) =>
      [...(files ?? [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    expect(sorted(byId.get(ids.root))).toEqual([text('README.md', 3), text('src/main.c', 1)]);
    expect(sorted(byId.get(ids.odd))).toEqual(sorted(oddPaths.map((path, i) => text(path, i + 1))));
    expect(sorted(byId.get(ids.binary))).toEqual([
      text('big.txt', 100_000),
      { path: 'logo.png', oldPath: null, linesAdded: null, linesDeleted: null, isBinary: true },
    ]);
    expect(sorted(byId.get(ids.rename))).toEqual([
      text('README.md', 0, 3),
      text('big.txt', 100, 100),
      {
        path: 'src/start.c',
        oldPath: 'src/main.c',
        linesAdded: 0,
        linesDeleted: 0,
        isBinary: false,
      },
    ]);
    expect(byId.get(ids.empty)).toEqual([]);
    expect(byId.get(ids.latin1)).toEqual([text('src/start.c', 1)]);
    expect(byId.get(ids.noHeader)).toEqual([]);
  });

  it('skips known commits and everything reachable from an excluded one', async () => {
    const known = new Set([ids.odd, ids.empty]);
    const skipped = (await mine(repo, { isKnown: (id) => known.has(id) })).reverse();
    expect(skipped.map((c) => c.id)).toEqual([
      ids.root,
      ids.binary,
      ids.rename,
      ids.latin1,
      ids.noHeader,
    ]);
    const rest = (await mine(repo, { exclude: [ids.rename] })).reverse();
    expect(rest.map((c) => c.id)).toEqual([ids.empty, ids.latin1, ids.noHeader]);
    expect(rest[1]!.files).toEqual([
      { path: 'src/start.c', oldPath: null, linesAdded: 1, linesDeleted: 0, isBinary: false },
    ]);
    expect(await mine(repo, { exclude: [ids.noHeader] })).toEqual([]);
  });

  it('tells the total once, before the last commit, without known and excluded commits', async () => {
    const events: string[] = [];
    for await (const commit of source.walk({
      gitdir: repo.gitdir,
      head: repo.rev(),
      exclude: [ids.odd],
      isKnown: (id) => id === ids.empty,
      withFiles: false,
      onTotal: (total) => events.push(`total ${total}`),
    })) {
      events.push(commit.id);
    }
    // The count comes from a second git process, reported as soon as it is known.
    expect(events.filter((e) => e.startsWith('total'))).toEqual(['total 4']);
    expect(events.indexOf('total 4')).toBeLessThan(events.indexOf(ids.binary));
    expect(events.filter((e) => !e.startsWith('total'))).toEqual([
      ids.noHeader,
      ids.latin1,
      ids.rename,
      ids.binary,
    ]);
    const none: string[] = [];
    for await (const commit of source.walk({
      gitdir: repo.gitdir,
      head: ids.odd,
      exclude: [ids.odd],
      isKnown: () => false,
      withFiles: true,
      onTotal: (total) => none.push(`total ${total}`),
    })) {
      none.push(commit.id);
    }
    expect(none).toEqual(['total 0']);
  });

  it('reads the repository asked for even inside a git hook that set GIT_DIR and friends', async () => {
    const other = createRepository();
    try {
      other.commit({ message: 'elsewhere\n' });
      const hooked = createGitCliSource({
        env: {
          ...process.env,
          GIT_DIR: other.gitdir,
          GIT_OBJECT_DIRECTORY: join(other.gitdir, 'objects'),
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'diff.renames',
          GIT_CONFIG_VALUE_0: 'false',
        },
      });
      const seen = (await mine(repo, {}, hooked)).map((commit) => commit.id).reverse();
      expect(seen).toEqual([
        ids.root,
        ids.odd,
        ids.binary,
        ids.rename,
        ids.empty,
        ids.latin1,
        ids.noHeader,
      ]);
    } finally {
      other.cleanup();
    }
  });

  it("gives the same commits whatever the user's own git config says", async () => {
    const home = makeTempDir('barometer-gitconfig-');
    try {
      const attributes = join(home, 'attributes');
      writeFileSync(attributes, '* binary\n');
      const config = join(home, 'gitconfig');
      writeFileSync(
        config,
        [
          '[diff]',
          '  renames = false',
          '  algorithm = histogram',
          '  ignoreSubmodules = all',
          '  noprefix = true',
          '[log]',
          '  showRoot = false',
          '  mailmap = true',
          '  showSignature = true',
          '  date = relative',
          '[core]',
          `  attributesFile = ${attributes}`,
          '  quotePath = true',
          '  bigFileThreshold = 1k',
          '[i18n]',
          '  logOutputEncoding = ISO-8859-1',
          '[format]',
          '  pretty = oneline',
          '',
        ].join('\n'),
      );
      const configured = createGitCliSource({ env: { ...process.env, GIT_CONFIG_GLOBAL: config } });
      expect(await mine(repo, {}, configured)).toEqual(await mine(repo));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('walks from the given head, not from HEAD', async () => {
    const commits = await mine(repo, { head: ids.binary, withFiles: false });
    expect(commits.map((c) => c.id)).toEqual([ids.binary, ids.odd, ids.root]);
  });

  it('stops git when the consumer stops early', async () => {
    const seen: string[] = [];
    for await (const commit of source.walk({
      gitdir: repo.gitdir,
      head: repo.rev(),
      exclude: [],
      isKnown: () => false,
      withFiles: true,
    })) {
      seen.push(commit.id);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([ids.noHeader, ids.latin1]);
  });
});

describe('git-cli engine on merges', () => {
  let repo: GitFixture;
  const ids = {} as Record<'a' | 't1' | 't2' | 'b' | 'merge' | 'c', string>;

  beforeAll(() => {
    repo = createRepository({ bare: true });
    ids.a = repo.commit({ message: 'A\n', files: { 'a.txt': 'a\n' } });
    repo.checkout('topic', true);
    ids.t1 = repo.commit({ message: 'T1\n', files: { 't.txt': 't\n' } });
    ids.t2 = repo.commit({ message: 'T2\n', files: { 't.txt': 't\nt\n' } });
    repo.checkout('main');
    ids.b = repo.commit({ message: 'B\n', files: { 'a.txt': 'a\nb\n' } });
    ids.merge = repo.merge('topic', { message: "Merge branch 'topic'\n" });
    ids.c = repo.commit({ message: 'C\n', files: { 'c.txt': 'c\n' } });
  });

  afterAll(() => repo.cleanup());

  it('stores merges with both parents and no files', async () => {
    const commits = await mine(repo);
    expect(new Set(commits.map((c) => c.id))).toEqual(new Set(Object.values(ids)));
    expect(commits).toHaveLength(6);
    const merge = commits.find((c) => c.id === ids.merge)!;
    expect(merge.parents).toEqual([ids.b, ids.t2]);
    expect(merge.files).toBeNull();
    expect(merge.message).toBe("Merge branch 'topic'\n");
    expect(commits.find((c) => c.id === ids.t2)!.files).toEqual([
      { path: 't.txt', oldPath: null, linesAdded: 1, linesDeleted: 0, isBinary: false },
    ]);
  });

  it('mines only the new side of a merge after an excluded head', async () => {
    const commits = await mine(repo, { exclude: [ids.b] });
    expect(commits.map((c) => c.id).sort()).toEqual([ids.t1, ids.t2, ids.merge, ids.c].sort());
  });
});

describe('git-cli engine errors', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = createRepository();
    repo.commit({ message: 'only\n', files: { x: 'x\n' } });
  });
  afterAll(() => repo.cleanup());

  async function failure(options: Partial<WalkOptions>): Promise<unknown> {
    try {
      await mine(repo, options);
    } catch (error) {
      return error;
    }
    throw new Error('the walk did not fail');
  }

  it('names the repository when the head does not exist', async () => {
    const error = await failure({ head: 'f'.repeat(40) });
    expect(isBarometerError(error, 'source')).toBe(true);
    expect((error as Error).message).toContain(`git log failed in ${repo.gitdir}`);
  });

  it('fails on a folder that is not a git repository', async () => {
    const error = await failure({ gitdir: repo.root });
    expect(isBarometerError(error, 'source')).toBe(true);
    expect((error as Error).message).toMatch(/not a git repository/);
  });

  it('refuses a revision that is not a commit id', async () => {
    const error = await failure({ head: '--output=/x' });
    expect(isBarometerError(error, 'source')).toBe(true);
    expect((error as Error).message).toBe('not a commit id: --output=/x');
  });

  it('fails with a source error when git itself cannot be run', async () => {
    const missing = createGitCliSource({ git: 'barometer-no-such-git-binary' });
    const walk = missing.walk({
      gitdir: repo.gitdir,
      head: repo.rev(),
      exclude: [],
      isKnown: () => false,
      withFiles: true,
    });
    let error: unknown;
    try {
      for await (const _ of walk) void _;
    } catch (caught) {
      error = caught;
    }
    expect(isBarometerError(error, 'source')).toBe(true);
    expect((error as Error).message).toMatch(/ENOENT/);
  });
});

describe('git-cli engine and git agree on a longer history', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = createRepository();
    for (let i = 0; i < 40; i++) {
      repo.commit({
        message: `Commit ${i}\n\n${'body line\n'.repeat(i % 5)}`,
        files: { [`f${i % 7}.txt`]: `${i}\n`.repeat(i + 1), [`g/${i}.txt`]: 'g\n' },
        author: i % 2 ? ada : grace,
        date: { at: 1_300_000_000 + i * 86_400, tz: i % 2 ? '+0100' : '-0500' },
      });
    }
  });
  afterAll(() => repo.cleanup());

  it('yields what git rev-list lists, with the counts git show gives', async () => {
    const commits = await mine(repo);
    const listed = execFileSync('git', ['--git-dir', repo.gitdir, 'rev-list', 'HEAD'], {
      encoding: 'utf8',
      env: repo.env(),
    })
      .trim()
      .split('\n');
    expect(commits.map((c) => c.id)).toEqual(listed);
    for (const commit of commits) {
      const expected = repo.numstat(commit.id, { renames: true }).map((row) => ({
        path: row.path,
        oldPath: row.oldPath,
        linesAdded: row.added,
        linesDeleted: row.deleted,
        isBinary: row.added === null,
      }));
      expect(commit.files).toEqual(expected);
    }
  });
});

describe('git-cli engine renames', () => {
  let repo: GitFixture;
  const body = Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join('');
  beforeAll(() => {
    repo = createRepository();
    repo.commit({ message: 'add\n', files: { 'old.c': body, 'same.c': 'same\n' } });
    repo.commit({
      message: 'move both, change one\n',
      renames: [
        ['old.c', 'new.c'],
        ['same.c', 'moved/same.c'],
      ],
      files: { 'new.c': body.replace('line 7\n', 'line seven\n') },
    });
  });
  afterAll(() => repo.cleanup());

  async function lastFiles(renames?: 'exact' | 'similar') {
    const commits = await mine(repo, {}, createGitCliSource({ renames }));
    return commits[0]!.files; // the newest
  }

  it('reports only unchanged renames by default, as the isomorphic-git engine does', async () => {
    expect(await lastFiles()).toEqual([
      { path: 'moved/same.c', oldPath: 'same.c', linesAdded: 0, linesDeleted: 0, isBinary: false },
      { path: 'new.c', oldPath: null, linesAdded: 100, linesDeleted: 0, isBinary: false },
      { path: 'old.c', oldPath: null, linesAdded: 0, linesDeleted: 100, isBinary: false },
    ]);
  });

  it("reports changed renames too with renames: 'similar', as git log does by default", async () => {
    expect(await lastFiles('similar')).toEqual([
      { path: 'moved/same.c', oldPath: 'same.c', linesAdded: 0, linesDeleted: 0, isBinary: false },
      { path: 'new.c', oldPath: 'old.c', linesAdded: 1, linesDeleted: 1, isBinary: false },
    ]);
  });
});

describe('git-cli engine on a shallow clone', () => {
  let repo: GitFixture;
  let ids: string[];
  beforeAll(() => {
    repo = createRepository();
    ids = [1, 2, 3].map((i) => repo.commit({ message: `c${i}\n`, files: { [`f${i}`]: `${i}\n` } }));
    repo.git(['clone', '-q', '--depth', '2', `file://${repo.dir}`, join(repo.root, 'shallow')]);
  });
  afterAll(() => repo.cleanup());

  it('reports the parents the boundary commit names, and its files against the empty tree', async () => {
    const commits = await mine(repo, { gitdir: join(repo.root, 'shallow', '.git'), head: ids[2]! });
    expect(commits.map((c) => [c.id, c.parents])).toEqual([
      [ids[2], [ids[1]]],
      [ids[1], [ids[0]]],
    ]);
    const added = (path: string) => ({
      path,
      oldPath: null,
      linesAdded: 1,
      linesDeleted: 0,
      isBinary: false,
    });
    expect(commits[1]!.files).toEqual([added('f1'), added('f2')]);
    expect(commits[0]!.files).toEqual([added('f3')]);
  });
});
