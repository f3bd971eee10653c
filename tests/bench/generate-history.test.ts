import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../bench/generate-history.ts';
import { makeTempDir } from '../helpers/git-fixture.ts';

const git = (gitdir: string, args: string[]) =>
  execFileSync('git', ['--git-dir', gitdir, ...args], { encoding: 'utf8' }).trim();

describe('generateHistory', () => {
  const caches = [makeTempDir('barometer-history-a-'), makeTempDir('barometer-history-b-')];
  afterAll(() => caches.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('builds the same commits from the same parameters, and reuses its cache', async () => {
    const parameters = { commits: 300, authors: 40, files: 50, seed: 3, tagsAt: [100] };
    const first = await generateHistory(parameters, caches[0]);
    const second = await generateHistory(parameters, caches[1]);
    expect(first.built).toBe(true);
    expect(second.head).toBe(first.head);
    expect(second.tags.get(100)).toBe(first.tags.get(100));
    expect(first.commits).toBe(300);
    expect(git(first.gitdir, ['rev-list', '--count', first.tags.get(100)!])).toBe('100');

    const again = await generateHistory(parameters, caches[0]);
    expect(again).toEqual({ ...first, built: false });

    const other = await generateHistory({ ...parameters, seed: 4 }, caches[0]);
    expect(other.head).not.toBe(first.head);
  });

  it('holds merges, many authors, time zones and review trailers', async () => {
    const history = await generateHistory(
      { commits: 300, authors: 40, files: 50, seed: 3 },
      caches[0],
    );
    const merges = Number(git(history.gitdir, ['rev-list', '--count', '--merges', history.head]));
    expect(merges).toBeGreaterThan(0);
    const authors = new Set(git(history.gitdir, ['log', '--format=%ae', history.head]).split('\n'));
    expect(authors.size).toBeGreaterThan(10);
    const zones = new Set(
      git(history.gitdir, ['log', '--format=%ad', '--date=format:%z', history.head]).split('\n'),
    );
    expect(zones.size).toBeGreaterThan(5);
    const trailers = git(history.gitdir, [
      'log',
      '--format=%(trailers:key=Reviewed-by,valueonly)',
      history.head,
    ]);
    expect(trailers).toMatch(/<[^>]+@[^>]+>/);
  });
});
