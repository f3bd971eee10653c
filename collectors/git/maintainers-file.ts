/**
 * The MAINTAINERS-format file a project's areas come from (`"areas": {"from": FILE}`), read at a
 * repository's mined head and stored in `repository_maintainers`, as `.mailmap` is stored in
 * `repository_mailmaps`: areas are derived from it later, without reading git again.
 */
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { ObjectStore } from './object-store.ts';
import { parseTree } from './parse-commit.ts';

/** The text of the file at `path` (`/`-separated) in `commitId`'s tree; null when there is none. */
export function readFileAt(store: ObjectStore, commitId: string, path: string): string | null {
  let tree = store.read(commitId).data.toString('latin1', 5, 45);
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    const entry = parseTree(store.read(tree).data).find(
      (e) => e.name === parts[i] && (last ? e.mode !== '40000' : e.mode === '40000'),
    );
    if (!entry) return null;
    if (last) {
      const object = store.read(entry.oid);
      return object.type === 'blob' ? object.data.toString('utf8') : null;
    }
    tree = entry.oid;
  }
  return null;
}

/**
 * Stores the file at `path` in `head` (`''` when the head has none) as the repository's
 * MAINTAINERS file.
 */
export async function storeMaintainersFile(
  db: NodeDatabase,
  store: ObjectStore,
  repository: string,
  head: string,
  path: string,
): Promise<void> {
  const content = readFileAt(store, head, path) ?? '';
  await db.query(
    `INSERT INTO repository_maintainers (repository, head_commit_id, path, content)
     VALUES ($repository, $head, $path, $content)
     ON CONFLICT (repository) DO UPDATE SET head_commit_id = excluded.head_commit_id,
       path = excluded.path, content = excluded.content`,
    { repository, head, path, content },
  );
}
