/**
 * Shallow clones (`git clone --depth N`, the default checkout of most CI systems) hold only the
 * newest part of a history. A run on one says so, and remembers the clone's boundary, so that once
 * the clone is deepened (`git fetch --unshallow`) the next run mines what that brought, even
 * though the branch's head did not move.
 */
import type * as NodeFs from 'node:fs';
import { join, resolve } from 'node:path';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { Logger } from '../../src/lib/effects.ts';

/** Reads a file as text; null when it does not exist. */
export type ReadText = (path: string) => string | null;

/**
 * The boundary commits of a shallow repository (the ids its `shallow` file lists; a linked work
 * tree's list is in the common git directory); empty for a full one.
 */
export function shallowBoundary(read: ReadText, gitdir: string): Set<string> {
  let text = read(join(gitdir, 'shallow'));
  if (text === null) {
    const common = read(join(gitdir, 'commondir'))?.trim();
    if (common) text = read(join(resolve(gitdir, common), 'shallow'));
  }
  return new Set((text ?? '').split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)));
}

/** What {@link checkShallowHistory} found. */
export interface ShallowHistory {
  /** The repository is a shallow clone now. */
  shallow: boolean;
  /**
   * The boundary moved since the last run (the clone was deepened or unshallowed): the run must
   * walk the whole history again, storing the commits it does not hold yet.
   */
  deepened: boolean;
  /** Records the boundary as mined; call once the run has stored its commits. */
  record(): Promise<void>;
}

const key = (repository: string) => `shallow:${repository}`;

/**
 * Compares the repository's shallow boundary with the one the last run recorded and warns, once
 * per run, when the history is shallow.
 */
export async function checkShallowHistory(options: {
  db: NodeDatabase;
  repository: string;
  gitdir: string;
  fs: Pick<typeof NodeFs, 'existsSync' | 'readFileSync'>;
  logger: Logger;
}): Promise<ShallowHistory> {
  const { db, repository, logger, fs } = options;
  const read = (path: string) => (fs.existsSync(path) ? fs.readFileSync(path, 'latin1') : null);
  const boundary = [...shallowBoundary(read, options.gitdir)].sort().join(' ');
  const [stored] = await db.query<{ value: string }>(
    'SELECT value FROM barometer_meta WHERE key = $key',
    { key: key(repository) },
  );
  if (boundary) {
    const n = boundary.split(' ').length;
    logger.warn(
      `${repository}: ${options.gitdir} is a shallow clone (history cut at ${n} ${n === 1 ? 'commit' : 'commits'}), ` +
        'so every figure misses the commits before the cut; run `git fetch --unshallow` there and collect again',
    );
  }
  return {
    shallow: boundary !== '',
    deepened: stored !== undefined && stored.value !== boundary,
    async record() {
      if (boundary) {
        await db.query(
          `INSERT INTO barometer_meta VALUES ($key, $value)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          { key: key(repository), value: boundary },
        );
      } else {
        await db.query('DELETE FROM barometer_meta WHERE key = $key', { key: key(repository) });
      }
    },
  };
}
