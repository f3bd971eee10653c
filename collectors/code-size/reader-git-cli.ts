/**
 * The code-size reader over the git CLI: `git ls-tree -r -z` lists a commit's files, and one
 * `git cat-file --batch --buffer` process streams every blob asked for.
 */
import { spawn as nodeSpawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { BarometerError } from '../../src/lib/errors.ts';
import { gitEnvironment, type GitCliOptions, type Spawn } from '../git/engine-git-cli.ts';
import {
  decodePath,
  isRegularFile,
  type CodeSizeReader,
  type TreeFile,
} from './code-size-reader.ts';

const STDERR_KEEP = 4096;

/** Starts `git --git-dir GITDIR args…` with the pinned environment; stderr is kept for errors. */
function startGit(
  options: GitCliOptions,
  gitdir: string,
  args: string[],
): { child: ChildProcessWithoutNullStreams; stderr: () => string; closed: Promise<number | null> } {
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
  const child = spawn(options.git ?? 'git', ['--git-dir', gitdir, ...args], {
    cwd: gitdir,
    env: gitEnvironment(options),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let kept = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (kept = (kept + text).slice(-STDERR_KEEP)));
  child.stdin.on('error', () => {});
  const closed = once(child, 'close').then(
    ([code]) => code as number | null,
    () => null,
  );
  return { child, stderr: () => kept.trim().split('\n').at(-1) ?? '', closed };
}

const failed = (what: string, gitdir: string, reason: string) =>
  new BarometerError('source', `git ${what} failed in ${gitdir}: ${reason}`, { file: gitdir });

/** The entries of `git ls-tree -r -z` output that are regular files. */
function parseLsTree(out: Buffer): TreeFile[] {
  const files: TreeFile[] = [];
  let pos = 0;
  while (pos < out.length) {
    let nul = out.indexOf(0, pos);
    if (nul < 0) nul = out.length;
    // <mode> SP <type> SP <object> TAB <path>
    const space = out.indexOf(0x20, pos);
    const tab = out.indexOf(0x09, space);
    if (space > 0 && tab > 0 && tab < nul) {
      const mode = out.toString('latin1', pos, space);
      if (isRegularFile(mode)) {
        files.push({
          path: decodePath(out.subarray(tab + 1, nul)),
          blob: out.toString('latin1', tab - 40, tab),
        });
      }
    }
    pos = nul + 1;
  }
  return files;
}

/** A reader running git in `gitdir` (git must be installed: see `findGit`). */
export function gitCliReader(gitdir: string, options: GitCliOptions = {}): CodeSizeReader {
  const running = new Set<ChildProcessWithoutNullStreams>();
  return {
    engine: 'git-cli',
    async listFiles(commit) {
      if (!/^[0-9a-f]{40}$/.test(commit))
        throw new BarometerError('source', `not a commit id: ${commit}`, { value: commit });
      const git = startGit(options, gitdir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
      running.add(git.child);
      const chunks: Buffer[] = [];
      git.child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      git.child.stdin.end();
      const code = await git.closed;
      running.delete(git.child);
      if (code !== 0) throw failed('ls-tree', gitdir, git.stderr() || `exit code ${code}`);
      return parseLsTree(Buffer.concat(chunks));
    },
    async readBlobs(ids, onBlob) {
      if (ids.length === 0) return;
      const git = startGit(options, gitdir, ['cat-file', '--batch', '--buffer']);
      running.add(git.child);
      try {
        await streamBlobs(git.child, ids, onBlob);
        const code = await git.closed;
        if (code !== 0) throw failed('cat-file', gitdir, git.stderr() || `exit code ${code}`);
      } finally {
        running.delete(git.child);
        if (git.child.exitCode === null && git.child.signalCode === null) git.child.kill();
      }
    },
    close() {
      for (const child of running) child.kill();
      running.clear();
    },
  };
}

/**
 * Writes `ids` to `git cat-file --batch` and hands each blob to `onBlob` as it arrives
 * (`<id> blob <size>\n<bytes>\n` per id; `<id> missing\n` for an id git does not have).
 */
async function streamBlobs(
  child: ChildProcessWithoutNullStreams,
  ids: readonly string[],
  onBlob: (id: string, data: Uint8Array) => void | Promise<void>,
): Promise<void> {
  for (const id of ids) {
    if (!/^[0-9a-f]{40}$/.test(id))
      throw new BarometerError('source', `not an object id: ${id}`, { value: id });
  }
  // Ids go in as git takes them; a full pipe waits for git to read on.
  const input = ids.join('\n') + '\n';
  child.stdin.end(input);
  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  let body: Buffer | null = null;
  let filled = 0;
  let size = -1;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    let pos = 0;
    while (pos < data.length) {
      if (size < 0) {
        const nl = data.indexOf(0x0a, pos);
        if (nl < 0) break;
        const header = data.toString('latin1', pos, nl);
        const expected = ids[index];
        const [id, type, length] = header.split(' ');
        if (id !== expected || type === 'missing' || length === undefined)
          throw new BarometerError(
            'source',
            `git cat-file: ${header || 'no answer'} for ${expected}`,
            {
              value: expected,
            },
          );
        if (type !== 'blob')
          throw new BarometerError('source', `${expected} is a ${type}, not a blob`, {
            value: expected,
          });
        size = Number(length);
        pos = nl + 1;
        body = null;
        filled = 0;
      }
      const available = data.length - pos;
      if (body === null && available >= size + 1) {
        // The whole blob and its newline are in this chunk: no copy.
        await onBlob(ids[index++]!, data.subarray(pos, pos + size));
        pos += size + 1;
        size = -1;
        continue;
      }
      body ??= Buffer.allocUnsafe(size);
      const take = Math.min(size - filled, available);
      data.copy(body, filled, pos, pos + take);
      filled += take;
      pos += take;
      if (filled === size && pos < data.length) {
        pos++; // the newline after the blob
        await onBlob(ids[index++]!, body);
        body = null;
        size = -1;
      }
    }
    if (pos < data.length) pending = data.subarray(pos);
  }
  if (index < ids.length)
    throw new BarometerError('source', `git cat-file ended after ${index} of ${ids.length} blobs`, {
      value: ids[index],
    });
}
