/**
 * Reads git's output ahead of the consumer, up to a bound: while the pipeline waits on the database
 * (a transaction commits in DuckDB's own threads), git keeps writing and its output keeps being
 * parsed, instead of git blocking on a full pipe. Memory stays bounded: the stream is paused when
 * the queue holds `commits` commits or `files` changed files, and resumed when it drains to half.
 */
import type { Readable } from 'node:stream';
import type { MinedCommit } from './commit-source.ts';

/** Bounds of the read-ahead queue. */
export interface ReadAheadLimits {
  /** Commits parsed but not yet taken. Default 4,000. */
  commits: number;
  /** Changed files in those commits. Default 200,000. */
  files: number;
}

const DEFAULT_LIMITS: ReadAheadLimits = { commits: 4000, files: 200_000 };

const filesOf = (commits: MinedCommit[]) =>
  commits.reduce((sum, commit) => sum + (commit.files?.length ?? 0), 0);

/**
 * Yields the commits `parse` makes of `stream`'s chunks, in order, in the groups each chunk
 * completed. Ends when the stream ends; throws what `parse` or the stream threw.
 */
export async function* readAhead(
  stream: Readable,
  parse: (chunk: Buffer) => MinedCommit[],
  limits: ReadAheadLimits = DEFAULT_LIMITS,
): AsyncGenerator<MinedCommit[]> {
  const queue: Array<{ commits: MinedCommit[]; files: number }> = [];
  let queuedCommits = 0;
  let queuedFiles = 0;
  let ended = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const onData = (chunk: Buffer) => {
    if (failure) return;
    let commits: MinedCommit[];
    try {
      commits = parse(chunk);
    } catch (error) {
      failure = { error };
      stream.pause();
      return signal();
    }
    if (commits.length) {
      const files = filesOf(commits);
      queue.push({ commits, files });
      queuedCommits += commits.length;
      queuedFiles += files;
      if (queuedCommits >= limits.commits || queuedFiles >= limits.files) stream.pause();
    }
    signal();
  };
  const onEnd = () => {
    ended = true;
    signal();
  };
  const onError = (error: unknown) => {
    failure ??= { error };
    signal();
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('close', onEnd);
  stream.on('error', onError);
  try {
    for (;;) {
      if (failure) throw (failure as { error: unknown }).error;
      const next = queue.shift();
      if (next) {
        queuedCommits -= next.commits.length;
        queuedFiles -= next.files;
        if (
          stream.isPaused() &&
          queuedCommits < limits.commits / 2 &&
          queuedFiles < limits.files / 2
        ) {
          stream.resume();
        }
        yield next.commits;
        continue;
      }
      if (ended) return;
      if (stream.isPaused()) stream.resume();
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.off('close', onEnd);
    stream.off('error', onError);
  }
}
