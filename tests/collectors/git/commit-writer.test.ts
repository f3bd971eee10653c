import { describe, expect, it } from 'vitest';
import type { MinedCommit } from '../../../collectors/git/commit-source.ts';
import { CommitWriter } from '../../../collectors/git/commit-writer.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';

function commit(i: number): MinedCommit {
  const person = {
    name: `Person ${i}`,
    email: `p${i}@example.org`,
    time: new Date(Date.UTC(2020, 0, 1 + i)),
    utcOffsetMinutes: 60,
  };
  return {
    id: i.toString(16).padStart(40, '0'),
    parents: [],
    author: person,
    committer: person,
    message: `Change ${i}\n\nReviewed-by: Rev <rev@example.org>\n`,
    files: [{ path: `f${i}`, oldPath: null, linesAdded: i, linesDeleted: 0, isBinary: false }],
  };
}

async function database(): Promise<NodeDatabase> {
  const db = await openNodeDatabase(':memory:');
  await ensureSchema(db);
  return db;
}

const count = async (db: NodeDatabase, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;

describe('CommitWriter', () => {
  it('writes every commit with its files and trailers, in batches', async () => {
    const db = await database();
    const batches: number[] = [];
    const writer = new CommitWriter(db, 'demo', {
      batchSize: 3,
      onBatchCommitted: (_batch, written) => void batches.push(written),
    });
    await writer.addAll([1, 2, 3, 4, 5, 6, 7].map(commit));
    await writer.flush();
    expect(batches).toEqual([3, 6, 7]);
    expect(writer.written).toBe(7);
    expect(await count(db, 'commits')).toBe(7);
    expect(await count(db, 'commit_files')).toBe(7);
    expect(await count(db, 'trailers')).toBe(7);
    expect(
      await db.query(
        `SELECT repository, commit_id, author_time, subject FROM commits ORDER BY commit_id LIMIT 1`,
      ),
    ).toEqual([
      {
        repository: 'demo',
        commit_id: commit(1).id,
        author_time: new Date('2020-01-02T00:00:00Z'),
        subject: 'Change 1',
      },
    ]);
  });

  it('fails flush when an earlier batch failed, even after that write has settled', async () => {
    const db = await database();
    const failure = new Error('disk full');
    let failed!: () => void;
    const settled = new Promise<void>((resolve) => (failed = resolve));
    const writer = new CommitWriter(db, 'demo', {
      batchSize: 2,
      onBatchCommitted: (batch) => {
        if (batch === 1) {
          failed();
          throw failure;
        }
      },
    });
    await writer.addAll([1, 2].map(commit));
    await settled;
    // Let the failed write settle completely before the next batch starts.
    await new Promise((resolve) => setImmediate(resolve));
    await writer.addAll([commit(3)]);
    await expect(writer.flush()).rejects.toBe(failure);
    // The first batch committed before its callback threw; nothing after it was written.
    expect(await count(db, 'commits')).toBe(2);
  });
});
