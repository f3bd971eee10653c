/**
 * The commits a walk would yield, listed up front by one `git rev-list`, so that a history can be
 * cut into parts and mined by several processes at once (mine-in-parts.ts).
 */
import { spawn as nodeSpawn } from 'node:child_process';
import { once } from 'node:events';
import { BarometerError } from '../../src/lib/errors.ts';
import type { WalkOptions } from './commit-source.ts';
import { environment, type GitCliOptions, type Spawn } from './engine-git-cli.ts';

const STDERR_KEEP = 4 * 1024;

/**
 * The ids of the commits reachable from `walk.head` and not from `walk.exclude`, without the ones
 * `walk.isKnown` says are stored, in `git rev-list`'s order (newest first): the commits the git-cli
 * engine would yield. `onListed` hears how many are listed so far, as git writes them. Throws a
 * `source` error when git fails.
 */
export async function listCommits(
  options: GitCliOptions,
  walk: Pick<WalkOptions, 'gitdir' | 'head' | 'exclude' | 'isKnown'>,
  onListed?: (count: number) => void,
): Promise<string[]> {
  const revisions = [walk.head, ...walk.exclude.map((id) => `^${id}`)];
  for (const revision of revisions) {
    // Revisions are commit ids from the pipeline; anything else could be read as an option.
    if (!/^\^?[0-9a-f]{4,64}$/i.test(revision)) {
      throw new BarometerError('source', `not a commit id: ${revision}`, { value: revision });
    }
  }
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
  const child = spawn(options.git ?? 'git', ['--git-dir', walk.gitdir, 'rev-list', '--stdin'], {
    cwd: walk.gitdir,
    env: environment(options),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let spawnError: Error | null = null;
  child.on('error', (error) => (spawnError = error));
  const closed = once(child, 'close').catch(() => [null]) as Promise<[number | null]>;
  child.stdin.on('error', () => {}); // git may exit before reading stdin (bad repository).
  child.stdin.end(revisions.join('\n') + '\n');
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-STDERR_KEEP)));
  const ids: string[] = [];
  let carry = '';
  child.stdout.setEncoding('latin1');
  child.stdout.on('data', (text: string) => {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    for (const id of lines) if (id && !walk.isKnown(id)) ids.push(id);
    onListed?.(ids.length);
  });
  const [code] = await closed;
  if (spawnError || code !== 0) {
    const reason =
      (spawnError as Error | null)?.message ??
      stderr.trim().split('\n').at(-1) ??
      `exit code ${String(code)}`;
    throw new BarometerError(
      'source',
      `git rev-list failed in ${walk.gitdir}: ${reason || `exit code ${String(code)}`}`,
      { file: walk.gitdir, value: walk.head },
      { cause: spawnError ?? undefined },
    );
  }
  return ids;
}
