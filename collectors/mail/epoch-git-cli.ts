/**
 * Reads a public-inbox epoch with the git CLI: one `git log --raw` lists the commits since the
 * last one read, each adding a message (blob `m`) or removing one (blob `d`), and one
 * `git cat-file --batch` streams those blobs. Both run side by side with a bounded window of
 * requests in flight, so memory stays flat whatever the epoch's size.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { BarometerError } from '../../src/lib/errors.ts';
import { environment } from '../git/engine-git-cli.ts';
import type { ArchiveEntry, ArchiveRead } from './archive-entry.ts';
import { runGit } from './run-git.ts';

/** Blobs asked of `git cat-file` ahead of the one being read. */
const WINDOW = 256;

/** Runs git on `gitdir`; throws `source` when it fails (exit codes 0 and 1 are answers). */
async function gitOutput(gitdir: string, args: string[]): Promise<{ code: number; out: string }> {
  const run = await runGit(['--git-dir', gitdir, ...args]);
  if (run.code !== 0 && run.code !== 1) {
    throw new BarometerError('source', `${gitdir}: git ${args[0]} failed: ${run.err.trim()}`, {
      file: gitdir,
    });
  }
  return run;
}

/** The commit an epoch's HEAD points at, or null for an empty epoch. */
export async function epochHeadGitCli(gitdir: string): Promise<string | null> {
  const { code, out } = await gitOutput(gitdir, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']);
  return code === 0 ? out.trim() : null;
}

/** Reads exactly `n` bytes (or a line) from a stream, in order. */
class StreamReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.wake?.();
    });
    stream.on('end', () => {
      this.ended = true;
      this.wake?.();
    });
  }

  private async need(test: () => boolean): Promise<void> {
    while (!test()) {
      if (this.ended) throw new Error('git cat-file ended early');
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  private take(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const head = this.chunks[0]!;
      const used = Math.min(head.length, n - at);
      head.copy(out, at, 0, used);
      at += used;
      if (used === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(used);
    }
    this.length -= n;
    return out;
  }

  async line(): Promise<string> {
    let found = -1;
    await this.need(() => {
      let offset = 0;
      for (const chunk of this.chunks) {
        const nl = chunk.indexOf(10);
        if (nl >= 0) {
          found = offset + nl;
          return true;
        }
        offset += chunk.length;
      }
      return false;
    });
    const line = this.take(found + 1);
    return line.toString('latin1', 0, found);
  }

  async bytes(n: number): Promise<Buffer> {
    await this.need(() => this.length >= n);
    return this.take(n);
  }
}

/** One commit of the log: its id, committer time and the blob it adds as `m` or `d`. */
interface LogEntry {
  commit: string;
  time: number;
  blob: string | null;
  kind: 'message' | 'removal';
}

/** Parses `git log --raw` lines into commits (see {@link readEpochGitCli}'s format). */
async function* logEntries(lines: AsyncIterable<string>): AsyncGenerator<LogEntry> {
  let current: LogEntry | null = null;
  for await (const line of lines) {
    if (line.startsWith('\0')) {
      if (current) yield current;
      const [commit, time] = line.slice(1).split(' ');
      current = { commit: commit!, time: Number(time) * 1000, blob: null, kind: 'message' };
    } else if (line.startsWith(':') && current) {
      const tab = line.indexOf('\t');
      const path = line.slice(tab + 1);
      const fields = line.slice(1, tab).split(' ');
      const status = fields[4]!;
      if (status === 'D' || (path !== 'm' && path !== 'd')) continue;
      // A removal commit holds `d` only; a message commit `m` only.
      if (path === 'm' || current.blob === null) {
        current.blob = fields[3]!;
        current.kind = path === 'm' ? 'message' : 'removal';
      }
    }
  }
  if (current) yield current;
}

/**
 * Reads the commits of `gitdir` after `since` (all when null, or when `since` is no longer in the
 * history), in order, with their blobs.
 */
export async function readEpochGitCli(
  gitdir: string,
  head: string,
  since: string | null,
): Promise<ArchiveRead> {
  let restarted = false;
  if (since) {
    const ancestor = await gitOutput(gitdir, ['merge-base', '--is-ancestor', since, head]);
    if (ancestor.code !== 0) {
      restarted = true;
      since = null;
    }
  }
  const range = since ? [`${since}..${head}`] : [head];
  const count = await gitOutput(gitdir, ['rev-list', '--count', '--first-parent', ...range]);
  const total = Number(count.out.trim());

  async function* entries(): AsyncGenerator<ArchiveEntry> {
    const log = spawn(
      'git',
      [
        '--git-dir',
        gitdir,
        '-c',
        'core.quotePath=false',
        'log',
        '--reverse',
        '--first-parent',
        '--raw',
        '--no-abbrev',
        '--no-renames',
        '--root',
        '--format=%x00%H %ct',
        ...range,
        '--',
      ],
      { env: environment({}), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const cat = spawn('git', ['--git-dir', gitdir, 'cat-file', '--batch'], {
      env: environment({}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    log.stderr.resume();
    cat.stderr.resume();
    const reader = new StreamReader(cat.stdout);
    const pending: LogEntry[] = [];
    const lines = createInterface({ input: log.stdout, crlfDelay: Infinity });
    const read = async (entry: LogEntry): Promise<ArchiveEntry> => {
      const header = await reader.line();
      const [, type, size] = header.split(' ');
      if (type !== 'blob') {
        throw new BarometerError('source', `${gitdir}: blob ${entry.blob} is missing (${header})`, {
          file: gitdir,
        });
      }
      const raw = await reader.bytes(Number(size));
      await reader.bytes(1);
      return {
        kind: entry.kind,
        raw,
        archiveTime: entry.time,
        blobId: entry.blob,
        resumeAt: entry.commit,
      };
    };
    try {
      // A commit without a blob (none in public-inbox) yields nothing; the caller records the head
      // once the read is done.
      for await (const entry of logEntries(lines)) {
        if (entry.blob === null) continue;
        pending.push(entry);
        if (!cat.stdin.write(`${entry.blob}\n`)) await once(cat.stdin, 'drain');
        if (pending.length >= WINDOW) yield await read(pending.shift()!);
      }
      cat.stdin.end();
      while (pending.length > 0) yield await read(pending.shift()!);
      const [code] =
        log.exitCode === null ? ((await once(log, 'close')) as [number]) : [log.exitCode];
      if (code !== 0)
        throw new BarometerError('source', `${gitdir}: git log failed`, { file: gitdir });
    } finally {
      log.kill();
      cat.kill();
    }
  }
  return { engine: 'git-cli', total, restarted, entries: entries() };
}
