import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { MinedCommit } from '../../../collectors/git/commit-source.ts';
import {
  commitsToMine,
  createIsomorphicGitSource,
} from '../../../collectors/git/engine-isomorphic-git.ts';
import { openObjectStore } from '../../../collectors/git/object-store.ts';
import { createRepository, type GitFixture } from '../../helpers/git-fixture.ts';

const fixtures: GitFixture[] = [];
afterAll(() => fixtures.forEach((f) => f.cleanup()));

function fixture(options?: Parameters<typeof createRepository>[0]): GitFixture {
  const repo = createRepository(options);
  fixtures.push(repo);
  return repo;
}

async function mine(repo: GitFixture, withFiles = true, head = repo.rev()): Promise<MinedCommit[]> {
  const source = createIsomorphicGitSource({ fs });
  const out: MinedCommit[] = [];
  for await (const commit of source.walk({
    gitdir: repo.gitdir,
    head,
    exclude: [],
    isKnown: () => false,
    withFiles,
  })) {
    out.push(commit);
  }
  return out;
}

/** A seeded pseudo-random generator (deterministic histories). */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Every case of the issue in one history. */
function richHistory(): { repo: GitFixture; ids: Record<string, string> } {
  const repo = fixture();
  const big =
    Array.from({ length: 120_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 40)}`).join('\n') + '\n';
  const bigEdited =
    big.replace('line 500 ', 'line five hundred ').replace(/line 99999 .*\n/, '') + 'tail\n';
  const ids: Record<string, string> = {};
  ids.root = repo.commit({
    message: 'Root commit\n',
    files: { 'README.md': '# hello\n', 'src/a.c': 'int a;\nint b;\n' },
    date: { at: '2001-02-03T04:05:06Z', tz: '-1200' },
  });
  ids.empty = repo.commit({
    message: 'An empty commit\n',
    date: { at: '2001-02-04T00:00:00Z', tz: '+1400' },
  });
  ids.binary = repo.commit({
    message: 'Add a binary file and a file without final newline',
    files: {
      'img/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
      'nonl.txt': 'a\nb',
    },
    date: { at: '2001-02-05T00:00:00Z', tz: '+0530' },
  });
  ids.binaryEdit = repo.commit({
    message: 'Change binary, add final newline',
    files: { 'img/logo.png': new Uint8Array([0x89, 0x50, 0, 9]), 'nonl.txt': 'a\nb\n' },
    date: { at: '2001-02-05T01:00:00Z', tz: '-0330' },
  });
  ids.rename = repo.commit({
    message: 'Move a.c',
    renames: [['src/a.c', 'lib/a.c']],
    date: { at: '2001-02-06T00:00:00Z', tz: '+0545' },
  });
  ids.big = repo.commit({ message: 'A several-megabyte file', files: { 'data/big.txt': big } });
  ids.bigEdit = repo.commit({ message: 'Edit the big file', files: { 'data/big.txt': bigEdited } });
  ids.latin1 = repo.commit({
    message: 'Caf\u00e9 cr\u00e8me\n\nSigned-off-by: Fran\u00e7ois P\u00e9rez <fp@example.org>\n',
    author: { name: 'Fran\u00e7ois P\u00e9rez', email: 'fp@example.org' },
    files: { 'src/b.c': 'int b;\n' },
    encoding: 'ISO-8859-1',
    date: { at: '2001-02-07T00:00:00Z', tz: '+0100' },
  });
  repo.checkout('topic', true);
  ids.topic = repo.commit({
    message: 'Topic work',
    files: { 'topic.txt': 'topic\n', 'README.md': null },
    author: { name: 'Bob', email: 'bob@example.org' },
    committer: { name: 'Carol', email: 'carol@example.org' },
    date: { at: '2001-02-08T00:00:00Z', tz: '+0000' },
    committerDate: { at: '2001-02-09T00:00:00Z', tz: '-0700' },
  });
  repo.checkout('main');
  ids.mainWork = repo.commit({ message: 'Main work', files: { 'main.txt': 'main\n' } });
  ids.merge = repo.merge('topic', { message: 'Merge branch topic' });
  ids.dirToFile = repo.commit({
    message: 'A folder becomes a file',
    files: { 'data/big.txt': null, data: 'now a file\n', link: 'target\n' },
  });
  return { repo, ids };
}

function ourFiles(commit: MinedCommit) {
  return (commit.files ?? [])
    .map((f) => ({ path: f.path, added: f.linesAdded, deleted: f.linesDeleted }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

function gitFiles(repo: GitFixture, id: string) {
  return repo
    .numstat(id)
    .map((f) => ({ path: f.path, added: f.added, deleted: f.deleted }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe('the isomorphic-git engine', () => {
  const { repo, ids } = richHistory();

  it('yields every commit once, parents before children', async () => {
    const commits = await mine(repo);
    const all = repo.git(['rev-list', 'HEAD']).split('\n');
    expect(commits.map((c) => c.id).sort()).toEqual([...all].sort());
    const seen = new Set<string>();
    for (const commit of commits) {
      for (const parent of commit.parents) expect(seen.has(parent)).toBe(true);
      seen.add(commit.id);
    }
  });

  it('reads names, addresses, instants and UTC offsets as git log does', async () => {
    const commits = await mine(repo, false);
    const log = repo
      .git(['log', '--format=%H%x00%an%x00%ae%x00%at%x00%ai%x00%cn%x00%ce%x00%ct%x00%ci%x00%P'])
      .split('\n')
      .map((line) => line.split('\0'));
    const offset = (iso: string) => {
      const m = /([+-])(\d\d)(\d\d)$/.exec(iso)!;
      return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    };
    const byId = new Map(commits.map((c) => [c.id, c]));
    for (const [id, an, ae, at, ai, cn, ce, ct, ci, parents] of log) {
      const c = byId.get(id!)!;
      expect(c.author).toEqual({
        name: an,
        email: ae,
        time: new Date(Number(at) * 1000),
        utcOffsetMinutes: offset(ai!),
      });
      expect(c.committer).toEqual({
        name: cn,
        email: ce,
        time: new Date(Number(ct) * 1000),
        utcOffsetMinutes: offset(ci!),
      });
      expect(c.parents).toEqual(parents ? parents.split(' ') : []);
      expect(c.files).toBeNull();
    }
    expect(byId.get(ids.root!)!.author.utcOffsetMinutes).toBe(-720);
    expect(byId.get(ids.empty!)!.author.utcOffsetMinutes).toBe(840);
    expect(byId.get(ids.binary!)!.author.utcOffsetMinutes).toBe(330);
    expect(byId.get(ids.binaryEdit!)!.author.utcOffsetMinutes).toBe(-210);
  });

  it('decodes a latin-1 commit with an encoding header', async () => {
    const commit = (await mine(repo, false)).find((c) => c.id === ids.latin1)!;
    expect(commit.author.name).toBe('Fran\u00e7ois P\u00e9rez');
    expect(commit.message).toBe(
      'Caf\u00e9 cr\u00e8me\n\nSigned-off-by: Fran\u00e7ois P\u00e9rez <fp@example.org>\n',
    );
    expect(repo.git(['log', '-1', '--format=%an', ids.latin1!])).toBe('Fran\u00e7ois P\u00e9rez');
  });

  it('counts changed files and lines exactly as git log --numstat', async () => {
    const commits = await mine(repo);
    for (const commit of commits) {
      if (commit.parents.length > 1) {
        expect(commit.files).toBeNull();
        continue;
      }
      if (commit.id === ids.rename) continue; // git pairs the rename: checked below
      expect(ourFiles(commit), commit.message).toEqual(gitFiles(repo, commit.id));
    }
    const byId = new Map(commits.map((c) => [c.id, c]));
    expect(byId.get(ids.empty!)!.files).toEqual([]);
    expect(byId.get(ids.bigEdit!)!.files).toEqual([
      { path: 'data/big.txt', oldPath: null, linesAdded: 2, linesDeleted: 2, isBinary: false },
    ]);
    expect(byId.get(ids.binaryEdit!)!.files).toEqual([
      { path: 'img/logo.png', oldPath: null, linesAdded: null, linesDeleted: null, isBinary: true },
      { path: 'nonl.txt', oldPath: null, linesAdded: 1, linesDeleted: 1, isBinary: false },
    ]);
  });

  it('reports an exact rename with its old path, as git does', async () => {
    const commit = (await mine(repo)).find((c) => c.id === ids.rename)!;
    expect(commit.files).toEqual([
      { path: 'lib/a.c', oldPath: 'src/a.c', linesAdded: 0, linesDeleted: 0, isBinary: false },
    ]);
    expect(repo.numstat(ids.rename!, { renames: true })).toEqual([
      { path: 'lib/a.c', oldPath: 'src/a.c', added: 0, deleted: 0 },
    ]);
  });

  it('reads the same history from packs (deltas) as from loose objects', async () => {
    const loose = await mine(repo);
    repo.git(['gc', '-q', '--aggressive']);
    expect(fs.readdirSync(`${repo.gitdir}/objects/pack`).some((f) => f.endsWith('.pack'))).toBe(
      true,
    );
    expect(await mine(repo)).toEqual(loose);
  });

  it('skips known commits and stops at excluded ones', () => {
    const store = openObjectStore(fs, repo.gitdir);
    try {
      const all = commitsToMine(store, {
        gitdir: repo.gitdir,
        head: repo.rev(),
        exclude: [],
        isKnown: () => false,
        withFiles: false,
      });
      const afterLatin = commitsToMine(store, {
        gitdir: repo.gitdir,
        head: repo.rev(),
        exclude: [ids.latin1!],
        isKnown: () => false,
        withFiles: false,
      });
      expect(afterLatin.sort()).toEqual([ids.topic, ids.mainWork, ids.merge, ids.dirToFile].sort());
      const known = new Set(all.slice(0, 5));
      const rest = commitsToMine(store, {
        gitdir: repo.gitdir,
        head: repo.rev(),
        exclude: [],
        isKnown: (id) => known.has(id),
        withFiles: false,
      });
      expect(rest).toEqual(all.slice(5));
      expect(
        commitsToMine(store, {
          gitdir: repo.gitdir,
          head: repo.rev(),
          exclude: [repo.rev()],
          isKnown: () => false,
          withFiles: false,
        }),
      ).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('line counts on generated histories', () => {
  for (const packed of [false, true]) {
    it(`match git log --numstat on a seeded random history (${packed ? 'packed' : 'loose'})`, async () => {
      const repo = fixture();
      const rnd = random(packed ? 11 : 7);
      const vocabulary = [
        '{',
        '}',
        '',
        'return 0;',
        'int x;',
        'x++;',
        '/* note */',
        'if (x) {',
        '\tbreak;',
      ];
      const files: Record<string, string[]> = {};
      for (let i = 0; i < 40; i++) {
        const change: Record<string, string | null> = {};
        for (let j = 0; j < 3; j++) {
          const name = `dir${Math.floor(rnd() * 3)}/f${Math.floor(rnd() * 6)}.c`;
          const lines = [...(files[name] ?? [])];
          const ops = Math.floor(rnd() * 60);
          for (let o = 0; o < ops; o++) {
            const at = Math.floor(rnd() * (lines.length + 1));
            if (rnd() < 0.45 && lines.length > 0) lines.splice(at, 1);
            else lines.splice(at, 0, vocabulary[Math.floor(rnd() * vocabulary.length)]!);
          }
          if (rnd() < 0.05 && files[name]) {
            change[name] = null;
            delete files[name];
            continue;
          }
          files[name] = lines;
          change[name] = lines.join('\n') + (rnd() < 0.2 ? '' : '\n');
        }
        repo.commit({ message: `change ${i}`, files: change });
      }
      if (packed) repo.git(['gc', '-q']);
      const commits = await mine(repo);
      expect(commits).toHaveLength(40);
      let lines = 0;
      for (const commit of commits) {
        const theirs = gitFiles(repo, commit.id);
        expect(ourFiles(commit), commit.message).toEqual(theirs);
        lines += theirs.reduce((sum, f) => sum + (f.added ?? 0) + (f.deleted ?? 0), 0);
      }
      expect(lines).toBeGreaterThan(500);
    });
  }
});
