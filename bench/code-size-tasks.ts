/**
 * The code-size bench's measurements, run by bench/measure-child.ts in a process of their own:
 * Barometer's counting (collectCodeSize into a DuckDB file), and the baseline of reading the same
 * files with git alone (`git ls-tree -r` of every tag, then `git cat-file --batch` of every
 * distinct blob, its output thrown away).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import { collectCodeSize } from '../collectors/code-size/collect-code-size.ts';
import { tagMatches } from '../collectors/code-size/code-size-points.ts';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { ensureSchema } from '../src/lib/db/schema.ts';
import { silentLogger, systemClock } from '../src/lib/effects.ts';

/** A code-size measurement. */
export type CodeSizeTask =
  | {
      /** collectCodeSize at every tag matching `tags`, into `db` (made when missing). */
      kind: 'code-size';
      engine: 'git-cli' | 'isomorphic-git';
      gitdir: string;
      db: string;
      tags: string;
    }
  | {
      /** `git ls-tree -r` of each matching tag and `git cat-file --batch` of the distinct blobs. */
      kind: 'git-blobs';
      gitdir: string;
      tags: string;
    };

/** What a code-size task reports: files read (distinct blobs) and their bytes. */
export interface CodeSizeReport {
  /** Distinct blobs read and counted. */
  commits: number;
  bytes: number;
  maxRssKb: number;
}

/** Runs git and returns its whole stdout (binary). */
async function gitOut(gitdir: string, args: string[]): Promise<Buffer> {
  const child = spawn('git', ['--git-dir', gitdir, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`git ${args[0]} exited with ${String(code)}`);
  return Buffer.concat(chunks);
}

/** The tag names matching `pattern`. */
export async function matchingTags(gitdir: string, pattern: string): Promise<string[]> {
  const out = await gitOut(gitdir, ['for-each-ref', '--format=%(refname:short)', 'refs/tags/']);
  return out
    .toString('utf8')
    .split('\n')
    .filter((name) => name && tagMatches([pattern], name));
}

async function gitBlobs(
  task: Extract<CodeSizeTask, { kind: 'git-blobs' }>,
): Promise<CodeSizeReport> {
  const blobs = new Set<string>();
  for (const tag of await matchingTags(task.gitdir, task.tags)) {
    const out = await gitOut(task.gitdir, ['ls-tree', '-r', '-z', `${tag}^{commit}`]);
    for (const entry of out.toString('latin1').split('\0')) {
      if (entry.startsWith('100'))
        blobs.add(entry.slice(entry.indexOf('\t') - 40, entry.indexOf('\t')));
    }
  }
  const child = spawn('git', ['--git-dir', task.gitdir, 'cat-file', '--batch', '--buffer'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let bytes = 0;
  child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
  child.stdin.end([...blobs].join('\n') + '\n');
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`git cat-file exited with ${String(code)}`);
  return { commits: blobs.size, bytes, maxRssKb: process.resourceUsage().maxRSS };
}

async function codeSize(
  task: Extract<CodeSizeTask, { kind: 'code-size' }>,
): Promise<CodeSizeReport> {
  const db = await openNodeDatabase(task.db);
  try {
    await ensureSchema(db);
    const result = await collectCodeSize({
      db,
      repository: 'bench',
      gitdir: task.gitdir,
      config: { tags: [task.tags], every: null, files: null, targets: {} },
      files: null,
      engine: task.engine,
      fs,
      logger: silentLogger,
      clock: systemClock,
    });
    return {
      commits: result.blobsCounted,
      bytes: result.bytesCounted,
      maxRssKb: process.resourceUsage().maxRSS,
    };
  } finally {
    // Inside the timed work: the close is measured.
    await db.close();
  }
}

/** Runs one code-size task. */
export function runCodeSizeTask(task: CodeSizeTask): Promise<CodeSizeReport> {
  return task.kind === 'git-blobs' ? gitBlobs(task) : codeSize(task);
}
