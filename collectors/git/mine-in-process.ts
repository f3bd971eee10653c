/**
 * One repository's new commits mined in the collecting process itself: the engine's walk streams
 * into the {@link CommitWriter}, one transaction per batch. This is how `--jobs 1` mines, and how
 * any run mines a few new commits (starting worker processes would cost more).
 */
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { Logger } from '../../src/lib/effects.ts';
import type { CommitSource, MinedCommit, WalkOptions } from './commit-source.ts';
import { CommitWriter } from './commit-writer.ts';

/** Options for {@link mineInProcess}. */
export interface MineInProcessOptions {
  db: NodeDatabase;
  repository: string;
  source: CommitSource;
  walk: WalkOptions;
  /** Ids already stored: the walk's commits are added as they are stored. */
  known: Set<string>;
  /** Commits per transaction. */
  batchSize: number;
  logger: Logger;
  /** Called after each batch is committed with its number and the commits written so far. */
  onBatchCommitted?: (batch: number, written: number) => void | Promise<void>;
}

async function* inGroupsOfOne<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item];
}

/**
 * Walks and stores; returns the commits written and each one's parents (for branch-positions.ts).
 * Whatever was committed before an error stays.
 */
export async function mineInProcess(
  options: MineInProcessOptions,
): Promise<{ written: number; parents: Map<string, readonly string[]> }> {
  const { source, known, repository, logger } = options;
  const parents = new Map<string, readonly string[]>();
  const writer = new CommitWriter(options.db, repository, {
    batchSize: options.batchSize,
    onBatchCommitted: options.onBatchCommitted,
  });
  const batches = source.walkBatches
    ? source.walkBatches(options.walk)
    : inGroupsOfOne(source.walk(options.walk));
  try {
    for await (const commits of batches) {
      const fresh: MinedCommit[] = [];
      for (const commit of commits) {
        // An engine must not yield a commit twice; a repeated id is skipped, never stored twice.
        if (known.has(commit.id)) {
          logger.debug(`${repository}: ${commit.id} yielded twice; skipped`);
          continue;
        }
        known.add(commit.id);
        parents.set(commit.id, commit.parents);
        fresh.push(commit);
      }
      await writer.addAll(fresh);
    }
    await writer.flush();
  } finally {
    // A failed walk must not leave a batch being written after the run has ended.
    await writer.settle();
  }
  return { written: writer.written, parents };
}
