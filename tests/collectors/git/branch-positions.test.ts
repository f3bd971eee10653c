/**
 * "As of D" (DESIGN.md): the branch as it stood on day D. Positions on the first-parent chain are
 * stored when collecting (both engines the same, incremental and moved branches exact), and the
 * figures count only what the branch held on the day: work written before D but applied or merged
 * after it is left out.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeCommits } from '../../../collectors/git/branch-positions.ts';
import {
  collectRepository,
  type EngineChoice,
} from '../../../collectors/git/collect-repository.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { silentLogger } from '../../../src/lib/effects.ts';
import { emptyAffiliationMaps } from '../../../src/lib/identity/affiliation-maps.ts';
import { applyAffiliations } from '../../../src/lib/identity/apply-affiliations.ts';
import { commitsByMonth } from '../../../src/lib/metrics/commits-by-month/commits-by-month.ts';
import { defaultMetricParams } from '../../../src/lib/metrics/default-metric-params.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';
import { createRepository, type GitFixture } from '../../helpers/git-fixture.ts';

const defer = cleanupAfterAll();
const clock = () => new Date('2024-01-01T00:00:00Z');

function fixture(): GitFixture {
  const repo = createRepository();
  defer(() => repo.cleanup());
  return repo;
}

async function collect(repo: GitFixture, engine: EngineChoice, db?: NodeDatabase) {
  const into = db ?? (await openNodeDatabase(':memory:'));
  if (!db) defer(() => into.close());
  await collectRepository({
    db: into,
    repository: { source: repo.path, name: 'demo' },
    engine,
    fs,
    logger: silentLogger,
    clock,
  });
  return into;
}

const positions = (db: NodeDatabase) =>
  db.query<{ commit_id: string; position: number; first_parent: boolean }>(
    'SELECT commit_id, position, first_parent FROM branch_positions ORDER BY commit_id',
  );

/** Non-empty months of commits as of `asOf`, from 2018. */
async function months(db: NodeDatabase, asOf: string): Promise<Record<string, number>> {
  const rows = await commitsByMonth.run(
    db,
    defaultMetricParams(new Date(`${asOf}T00:00:00Z`), { asOf, since: '2018-01-01' }),
  );
  return Object.fromEntries(rows.filter((r) => r.commits > 0).map((r) => [r.month, r.commits]));
}

const at = (day: string) => ({ at: `${day}T12:00:00Z` });

describe('placeCommits', () => {
  it('numbers the first-parent chain from the root and places merged work at its merge', () => {
    // r ← a ← m1(a, t2) ← b ← m2(b, s); t1 ← t2 branch off r; s branches off a.
    const graph = new Map<string, string[]>([
      ['r', []],
      ['a', ['r']],
      ['t1', ['r']],
      ['t2', ['t1']],
      ['m1', ['a', 't2']],
      ['b', ['m1']],
      ['s', ['a']],
      ['m2', ['b', 's']],
      ['stray', ['r']],
    ]);
    const placed = Object.fromEntries(placeCommits(graph, 'm2', 0));
    expect(placed).toEqual({
      r: { position: 1, firstParent: true },
      a: { position: 2, firstParent: true },
      m1: { position: 3, firstParent: true },
      t1: { position: 3, firstParent: false },
      t2: { position: 3, firstParent: false },
      b: { position: 4, firstParent: true },
      m2: { position: 5, firstParent: true },
      s: { position: 5, firstParent: false },
    });
    // Only what is new: parents outside the graph are placed already, the chain continues at base.
    const newer = new Map([
      ['c', ['m2']],
      ['d', ['c']],
    ]);
    expect(Object.fromEntries(placeCommits(newer, 'd', 5))).toEqual({
      c: { position: 6, firstParent: true },
      d: { position: 7, firstParent: true },
    });
  });
});

describe('as of a day', () => {
  /** A history where work written in May 2018 reached main only in June and July. */
  function lateHistory(): { repo: GitFixture; ids: Record<string, string> } {
    const repo = fixture();
    const ids: Record<string, string> = {};
    ids.root = repo.commit({ message: 'Root\n', date: at('2018-01-10') });
    ids.c1 = repo.commit({ message: 'One\n', files: { a: '1\n' }, date: at('2018-02-10') });
    repo.checkout('topic', true);
    ids.t1 = repo.commit({ message: 'Topic\n', files: { t: '1\n' }, date: at('2018-05-25') });
    repo.checkout('main');
    ids.merge = repo.merge('topic', { message: 'Merge topic\n', date: at('2018-06-15') });
    ids.c3 = repo.commit({ message: 'Three\n', files: { a: '3\n' }, date: at('2018-06-20') });
    // Written on 20 May, applied on 10 July.
    ids.late = repo.commit({
      message: 'Late\n',
      files: { a: 'late\n' },
      date: at('2018-05-20'),
      committerDate: at('2018-07-10'),
    });
    return { repo, ids };
  }

  it('counts only what the branch held on the day, on both engines', async () => {
    const { repo, ids } = lateHistory();
    for (const engine of ['isomorphic-git', 'git-cli'] as const) {
      const db = await collect(repo, engine);
      await applyAffiliations(db, emptyAffiliationMaps());
      expect(
        await db.query(
          `SELECT commit_id, strftime(landed, '%Y-%m-%d') AS landed FROM contributions
           ORDER BY landed, commit_id`,
        ),
      ).toEqual([
        { commit_id: ids.root, landed: '2018-01-10' },
        { commit_id: ids.c1, landed: '2018-02-10' },
        { commit_id: ids.t1, landed: '2018-06-15' },
        { commit_id: ids.c3, landed: '2018-06-20' },
        { commit_id: ids.late, landed: '2018-07-10' },
      ]);
      // As of 1 June the branch was root and c1: the May work had not reached it.
      expect(await months(db, '2018-06-01')).toEqual({ '2018-01': 1, '2018-02': 1 });
      // As of 1 July the merge had brought t1 (at its author date, May), and c3 had landed.
      expect(await months(db, '2018-07-01')).toEqual({
        '2018-01': 1,
        '2018-02': 1,
        '2018-05': 1,
        '2018-06': 1,
      });
      expect(await months(db, '2018-08-01')).toEqual({
        '2018-01': 1,
        '2018-02': 1,
        '2018-05': 2,
        '2018-06': 1,
      });
    }
  });

  it('takes the first chain commit dated before the day as its head, even out of order', async () => {
    const { repo, ids } = lateHistory();
    // Committed with a clock a month slow: walking from the head, it is the first commit dated
    // before 1 June, so the branch "as of 1 June" is everything up to it.
    ids.skewed = repo.commit({
      message: 'Skewed\n',
      files: { a: 'skew\n' },
      date: at('2018-05-30'),
    });
    const db = await collect(repo, 'git-cli');
    await applyAffiliations(db, emptyAffiliationMaps());
    expect(await months(db, '2018-06-01')).toEqual({
      '2018-01': 1,
      '2018-02': 1,
      '2018-05': 3,
    });
  });

  it('places incremental runs and a branch moved onto another line exactly as a fresh run', async () => {
    const repo = fixture();
    repo.commit({ message: 'Root\n', date: at('2018-01-01') });
    const a = repo.commit({ message: 'A\n', files: { a: 'a\n' }, date: at('2018-01-02') });
    repo.commit({ message: 'B\n', files: { b: 'b\n' }, date: at('2018-01-03') });
    const db = await collect(repo, 'isomorphic-git');
    // main grows: only the new commits are placed.
    repo.commit({ message: 'C\n', files: { c: 'c\n' }, date: at('2018-01-04') });
    await collect(repo, 'git-cli', db);
    expect(await positions(db)).toEqual(await positions(await collect(repo, 'git-cli')));
    // Another line of work off A merges main, and main is moved to that merge: its first-parent
    // chain no longer runs through the old head, so every commit is placed again.
    repo.checkout('other', true);
    repo.reset(a);
    repo.commit({ message: 'X\n', files: { x: 'x\n' }, date: at('2018-01-05') });
    const merge = repo.merge('main', { message: 'Merge main\n', date: at('2018-01-06') });
    repo.checkout('main');
    repo.reset(merge);
    await collect(repo, 'isomorphic-git', db);
    const fresh = await positions(await collect(repo, 'isomorphic-git'));
    expect(await positions(db)).toEqual(fresh);
    expect(fresh.filter((p) => p.first_parent).map((p) => p.position)).toHaveLength(4);
  });
});
