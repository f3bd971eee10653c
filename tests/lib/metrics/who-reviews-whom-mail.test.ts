/**
 * Who reviews whom and review bandwidth with the mailing lists: the review scenario
 * (tests/collectors/mail) collected by `collect` with its repository, lists and maps, its areas
 * the top-level folders. A list review reviews its change's sender and follows its change's
 * patches into areas and under paths; worked out by hand, on both engines.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import type { MetricParams } from '../../../src/lib/metrics/metric.ts';
import { reviewBandwidth } from '../../../src/lib/metrics/review-bandwidth/review-bandwidth.ts';
import { reviewMatrix } from '../../../src/lib/metrics/review-matrix/review-matrix.ts';
import { buildScenario, type Scenario } from '../../collectors/mail/review-scenario.ts';
import { wasmCopyOf } from '../../helpers/copy-tables.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { params } from './contributions-fixture.ts';

describe('who reviews whom, with the mailing lists', () => {
  let scenario: Scenario;
  let node: NodeDatabase;
  let wasm: Database;
  let closeEngine: () => void;
  const asOf = params('2020-01-01', { since: '2017-01-01' });
  const rows = async <T>(
    metric: { run: (db: Database, p: MetricParams) => Promise<T[]> },
    p: MetricParams,
  ) => {
    const expected = await metric.run(node, p);
    expect(await metric.run(wasm, p)).toEqual(expected);
    return expected;
  };
  const matrix = async (p: MetricParams) =>
    (await rows(reviewMatrix, p)).map((r) => [
      r.year,
      r.reviewerOrganisation,
      r.authorOrganisation,
      r.reviews,
    ]);

  beforeAll(async () => {
    scenario = buildScenario();
    const dbPath = join(scenario.root, 'scenario.duckdb');
    const run = await runCli(['collect', scenario.config, '--db', dbPath], {
      cwd: scenario.root,
      clock: () => new Date('2020-01-01T00:00:00Z'),
    });
    expect(run.code, run.stderr).toBe(0);
    node = await openNodeDatabase(dbPath);
    ({ wasm, close: closeEngine } = await wasmCopyOf(node, [
      'contributions',
      'review_authors',
      'commits',
      'commit_files',
      'path_areas',
      'commit_areas',
      'messages',
      'message_files',
      'mail_threads',
    ]));
  }, 60_000);
  afterAll(async () => {
    await node?.close();
    closeEngine?.();
    scenario?.repo.cleanup();
    if (scenario) rmSync(scenario.root, { recursive: true, force: true });
  });

  it("credits a list review to its change's sender, beside the trailers", async () => {
    // 2017: Alice reviews Bob's typo fix on the list and in its commit's trailer; Frank (no map
    // covers him) on the other list. 2018: Bob and Carol (Corp B by the mailmap) review Alice's
    // series; her own replies and Dave's ping of his own RFC are no reviews.
    expect(await matrix(asOf)).toEqual([
      [2017, 'Corp A', 'Corp B', 2],
      [2017, 'Unknown', 'Corp B', 1],
      [2018, 'Corp B', 'Corp A', 2],
    ]);
    // A list names no repository: its reviews drop out under a repository filter.
    expect(await matrix({ ...asOf, repositories: ['main-repo'] })).toEqual([
      [2017, 'Corp A', 'Corp B', 1],
    ]);
  });

  it("follows a change's patches into areas and under paths", async () => {
    // Alice's series touches xen/ and tools/; the typo fix docs/.
    expect(await matrix({ ...asOf, areas: ['xen'] })).toEqual([[2018, 'Corp B', 'Corp A', 2]]);
    expect(await matrix({ ...asOf, areas: ['docs'] })).toEqual([
      [2017, 'Corp A', 'Corp B', 2],
      [2017, 'Unknown', 'Corp B', 1],
    ]);
    expect(await matrix({ ...asOf, paths: ['xen/arch/arm'] })).toEqual([
      [2018, 'Corp B', 'Corp A', 2],
    ]);
    // From the first patch touching the area on: none yet as of the day the series was posted.
    expect(await matrix({ ...params('2018-01-10'), areas: ['xen'] })).toEqual([]);
    expect(
      await matrix({ ...params('2018-01-12', { since: '2017-01-01' }), areas: ['xen'] }),
    ).toEqual([[2018, 'Corp B', 'Corp A', 1]]);
  });

  it('counts list reviews in the bandwidth of the areas their changes touch', async () => {
    const row = (
      area: string,
      year: number,
      reviews: number,
      commits: number,
      reviewers: number,
      busFactor: number,
    ) => ({ area, year, reviews, commits, reviewers, busFactor });
    expect(await rows(reviewBandwidth, asOf)).toEqual([
      // Alice twice (list and trailer), Frank once.
      row('docs', 2017, 3, 2, 2, 1),
      row('tools', 2017, 0, 1, 0, 0),
      row('tools', 2018, 2, 2, 2, 1),
      row('xen', 2017, 0, 1, 0, 0),
      row('xen', 2018, 2, 1, 2, 1),
    ]);
  });
});
