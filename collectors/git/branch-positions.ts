/**
 * Where each commit stands on its repository's branch, for "as of D" (DESIGN.md): the branch as it
 * stood on day D is the first commit of its first-parent chain, walking from the head, whose
 * committer date is before D, with its ancestors. Each commit stores the position on that chain of
 * the chain commit that brought it onto the branch (root 1, head highest), so "as of D" is a
 * comparison of positions, never a walk of the history at query time.
 *
 * The positions are computed from the parents of the commits that have none yet: those the run
 * just mined (kept in memory as they were stored), and those an interrupted run left (read back
 * from `commits.parent_ids`); they are written in the same transaction that moves the stored head. When the new head's first-parent chain still runs
 * through the old head (a branch that grows), only the new commits are placed; when it does not
 * (the branch was moved to a merge whose first parent is another line of work), every commit of
 * the repository is placed again.
 */
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import { TableChunks } from './table-chunks.ts';

/** A commit's place on the branch: see the module comment. */
export interface BranchPosition {
  position: number;
  /** True for the chain commits themselves (the branch's first-parent chain). */
  firstParent: boolean;
}

/**
 * Places the commits of `graph` (id → parent ids, in order) that the chain from `head` brings onto
 * the branch. Parents missing from `graph` are already placed; `base` is the position of the one
 * the first-parent chain reaches (0 when it reaches a root). Commits of `graph` that `head` does not
 * reach get no position. Iterative: memory is the graph's.
 */
export function placeCommits(
  graph: ReadonlyMap<string, readonly string[]>,
  head: string,
  base: number,
): Map<string, BranchPosition> {
  const chain: string[] = [];
  for (let id: string | undefined = head; id !== undefined && graph.has(id);) {
    chain.push(id);
    id = graph.get(id)![0];
  }
  const placed = new Map<string, BranchPosition>();
  const stack: string[] = [];
  for (let i = chain.length - 1, position = base + 1; i >= 0; i--, position++) {
    const id = chain[i]!;
    placed.set(id, { position, firstParent: true });
    // The first parent is the chain commit placed just before; the others bring their ancestry.
    stack.push(...graph.get(id)!.slice(1));
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (placed.has(next)) continue;
      const parents = graph.get(next);
      if (!parents) continue;
      placed.set(next, { position, firstParent: false });
      stack.push(...parents);
    }
  }
  return placed;
}

/** The first commit of `graph`'s first-parent chain from `head` that `graph` does not hold. */
function chainExit(graph: ReadonlyMap<string, readonly string[]>, head: string): string | null {
  let id: string | undefined = head;
  while (id !== undefined && graph.has(id)) id = graph.get(id)![0];
  return id ?? null;
}

async function loadGraph(
  db: NodeDatabase,
  repository: string,
  unplacedOnly: boolean,
): Promise<Map<string, string[]>> {
  const result = await db.columns(
    `SELECT c.commit_id, c.parent_ids FROM commits AS c
     ${unplacedOnly ? 'ANTI JOIN branch_positions AS p USING (repository, commit_id)' : ''}
     WHERE c.repository = $repository`,
    { repository },
  );
  const graph = new Map<string, string[]>();
  const [ids = [], parents = []] = result.columns as string[][];
  for (let i = 0; i < result.rows; i++) {
    const list = parents[i]!;
    graph.set(ids[i]!, list === '' ? [] : list.split(' '));
  }
  return graph;
}

async function writePositions(
  db: NodeDatabase,
  repository: string,
  placed: ReadonlyMap<string, BranchPosition>,
): Promise<void> {
  if (placed.size === 0) return;
  const rows = new TableChunks(['varchar', 'integer', 'boolean'], repository);
  for (const [id, { position, firstParent }] of placed) {
    rows.row();
    rows.string(1, id);
    rows.integer(2, position);
    rows.boolean(3, firstParent);
  }
  await db.append('branch_positions', rows.take());
}

/** How many of the repository's stored commits have no position yet. */
async function unplacedCount(db: NodeDatabase, repository: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM commits WHERE repository = $repository)
          - (SELECT count(*) FROM branch_positions WHERE repository = $repository) AS n`,
    { repository },
  );
  return row?.n ?? 0;
}

/** What {@link storeBranchPositions} did. */
export interface PlacedSummary {
  /** Commits given a position by this call. */
  placed: number;
  /** True when the head's first-parent chain left the old one and every commit was placed again. */
  replaced: boolean;
}

/**
 * Gives a position to every stored commit of `repository` that `head` reaches and that has none
 * (call it inside the transaction that stores `head`). `mined` holds the parents of the commits
 * this run stored; the stored parents of any other commit without a position are read back. Places
 * the whole repository again when the new first-parent chain does not run through the last placed
 * head.
 */
export async function storeBranchPositions(
  db: NodeDatabase,
  repository: string,
  head: string,
  mined: ReadonlyMap<string, readonly string[]>,
  passedOver: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<PlacedSummary> {
  const stored =
    (await unplacedCount(db, repository)) === mined.size
      ? mined
      : await loadGraph(db, repository, true);
  // Commits no engine could read are not stored, but the chain runs through them: they take part
  // in the placing, and get no row.
  const graph = passedOver.size > 0 ? new Map([...stored, ...passedOver]) : stored;
  if (graph.size === 0) return { placed: 0, replaced: false };
  const [top] = await db.query<{ commit_id: string; position: number }>(
    `SELECT commit_id, position FROM branch_positions
     WHERE repository = $repository AND first_parent
     ORDER BY position DESC LIMIT 1`,
    { repository },
  );
  if (top && chainExit(graph, head) !== top.commit_id) {
    await db.query('DELETE FROM branch_positions WHERE repository = $repository', { repository });
    const all = await loadGraph(db, repository, false);
    for (const [id, parents] of passedOver) all.set(id, [...parents]);
    const placed = placeCommits(all, head, 0);
    for (const id of passedOver.keys()) placed.delete(id);
    await writePositions(db, repository, placed);
    return { placed: placed.size, replaced: true };
  }
  const placed = placeCommits(graph, head, top?.position ?? 0);
  for (const id of passedOver.keys()) placed.delete(id);
  await writePositions(db, repository, placed);
  return { placed: placed.size, replaced: false };
}
