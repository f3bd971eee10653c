import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinedCommit } from '../../../collectors/git/commit-source.ts';
import { gitLogArguments } from '../../../collectors/git/engine-git-cli.ts';
import { decodeGitText, GitLogParser } from '../../../collectors/git/git-cli-log-parser.ts';
import { readAhead } from '../../../collectors/git/git-cli-read-ahead.ts';
import { readRawDate } from '../../../collectors/git/read-person.ts';
import { isBarometerError } from '../../../src/lib/errors.ts';
import { createRepository, type GitFixture } from '../../helpers/git-fixture.ts';

function gitLog(repo: GitFixture, withFiles: boolean): Buffer {
  return execFileSync('git', gitLogArguments(repo.gitdir, withFiles), {
    input: `${repo.rev()}\n`,
    env: repo.env(),
    maxBuffer: 1 << 28,
  });
}

function parseInChunks(output: Buffer, size: number, withFiles: boolean): MinedCommit[] {
  const parser = new GitLogParser({ withFiles });
  const commits: MinedCommit[] = [];
  for (let i = 0; i < output.length; i += size) {
    commits.push(...parser.push(output.subarray(i, i + size)));
  }
  commits.push(...parser.end());
  return commits;
}

describe('GitLogParser', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = createRepository();
    repo.commit({ message: 'root\n', files: { 'a b.txt': 'a\n', 'c\nd': 'x\n' } });
    repo.commit({ message: 'rename\n', renames: [['a b.txt', 'e f.txt']] });
    repo.checkout('side', true);
    repo.commit({ message: 'side\n\n\nblank lines\n\n', files: { bin: new Uint8Array([0, 1]) } });
    repo.checkout('main');
    repo.commit({ message: 'empty\n' });
    repo.merge('side', { message: 'merge\n' });
    repo.commit({ message: 'last', files: { '1234567890123456789012345678901234567890': '1\n' } });
  });
  afterAll(() => repo.cleanup());

  it('gives the same commits whatever size the chunks arrive in', () => {
    for (const withFiles of [true, false]) {
      const output = gitLog(repo, withFiles);
      const whole = parseInChunks(output, output.length, withFiles);
      // git's order: newest first.
      expect(whole.map((c) => c.message)).toEqual([
        'last',
        'merge\n',
        'empty\n',
        'side\n\n\nblank lines\n\n',
        'rename\n',
        'root\n',
      ]);
      expect(whole.map((c) => c.files?.length ?? null)).toEqual(
        withFiles ? [1, null, 0, 1, 1, 2] : [null, null, null, null, null, null],
      );
      for (const size of [1, 2, 3, 7, 64]) {
        expect(parseInChunks(output, size, withFiles)).toEqual(whole);
      }
    }
  });

  it('parses a rename, a binary file and a path that looks like a commit id', () => {
    const commits = parseInChunks(gitLog(repo, true), 5, true);
    expect(commits[4]!.files).toEqual([
      { path: 'e f.txt', oldPath: 'a b.txt', linesAdded: 0, linesDeleted: 0, isBinary: false },
    ]);
    expect(commits[3]!.files).toEqual([
      { path: 'bin', oldPath: null, linesAdded: null, linesDeleted: null, isBinary: true },
    ]);
    expect(commits[0]!.files).toEqual([
      {
        path: '1234567890123456789012345678901234567890',
        oldPath: null,
        linesAdded: 1,
        linesDeleted: 0,
        isBinary: false,
      },
    ]);
  });

  it('skips the commits it is told to skip', () => {
    const output = gitLog(repo, true);
    const all = parseInChunks(output, output.length, true);
    const parser = new GitLogParser({ withFiles: true, skip: (id) => id === all[1]!.id });
    const kept = [...parser.push(output), ...parser.end()];
    expect(kept).toEqual(all.filter((_, i) => i !== 1));
  });

  it('never yields a commit whose record was cut off', () => {
    const output = gitLog(repo, true);
    const second = parseInChunks(output, output.length, true)[1]!.id;
    // The second id comes first as the newest commit's parent, then where its own record starts.
    const firstEnd = output.indexOf(second, output.indexOf(second) + 1);
    const parser = new GitLogParser({ withFiles: true });
    // The first record is complete only once the separator after it arrives.
    expect(parser.push(output.subarray(0, firstEnd - 1))).toEqual([]);
    expect(parser.push(output.subarray(firstEnd - 1, firstEnd))).toHaveLength(1);
    parser.push(output.subarray(firstEnd, firstEnd + 50));
    let error: unknown;
    try {
      parser.end();
    } catch (caught) {
      error = caught;
    }
    expect(isBarometerError(error, 'source')).toBe(true);
    expect((error as Error).message).toMatch(/^unexpected git log output: output ends inside/);
  });
});

describe('decodeGitText and readRawDate', () => {
  it('reads UTF-8, and bytes that are not UTF-8 as latin-1', () => {
    expect(decodeGitText(Buffer.from('Zoë 日本', 'utf8'))).toBe('Zoë 日本');
    expect(decodeGitText(Buffer.from([0x5a, 0x6f, 0xeb]))).toBe('Zoë');
  });

  it('reads seconds and offsets, and leaves what git prints for an unreadable date to the object', () => {
    expect(readRawDate('1700000000 +1400')).toEqual({
      time: new Date(1_700_000_000_000),
      utcOffsetMinutes: 840,
    });
    expect(readRawDate('86400 -1200')).toEqual({
      time: new Date(86_400_000),
      utcOffsetMinutes: -720,
    });
    expect(readRawDate('1 -0000')).toEqual({ time: new Date(1000), utcOffsetMinutes: 0 });
    expect(readRawDate('9999999999 -0930')?.utcOffsetMinutes).toBe(-570);
    // git prints a zone of `+05` as `+0005`, and one beyond four digits as it is.
    expect(readRawDate('1 +0005')?.utcOffsetMinutes).toBe(5);
    expect(readRawDate('1 +99999999')?.utcOffsetMinutes).toBe(0);
    for (const bad of [
      'yesterday',
      '',
      // git's date for a line it cannot read: the commit object is read instead.
      '0 +0000',
      '0 -1200',
      '-86400 +0545',
      '99999999999999 +0000',
      '+0000',
      ' +0000',
      '12+0000',
      '1 *0000',
      '1 +12a0',
      '1a +0000',
      '- +0000',
      '1 +000',
    ]) {
      expect(readRawDate(bad), bad).toBeNull();
    }
  });
});

describe('readAhead', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = createRepository();
    for (let i = 0; i < 30; i++)
      repo.commit({ message: `c${i}\n`, files: { [`f${i % 3}`]: `${i}\n` } });
  });
  afterAll(() => repo.cleanup());

  it('pauses the stream when the queue is full and yields every commit in order', async () => {
    const output = gitLog(repo, true);
    const expected = parseInChunks(output, output.length, true);
    const stream = new PassThrough();
    const parser = new GitLogParser({ withFiles: true });
    const groups = readAhead(stream, (chunk) => parser.push(chunk), { commits: 4, files: 1000 });
    // Small chunks, all written before anything is read: only the bound stops the parsing.
    for (let i = 0; i < output.length; i += 64) stream.write(output.subarray(i, i + 64));
    stream.end();
    const seen: MinedCommit[] = [];
    const first = await groups.next();
    seen.push(...(first.value as MinedCommit[]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.isPaused()).toBe(true);
    for await (const group of groups) seen.push(...group);
    seen.push(...parser.end());
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(30);
  });
});
