/**
 * Who reviews whom and review bandwidth by area, on a history mined, resolved and placed in areas
 * by `collect` itself, where every figure is worked out by hand: Reviewed-by/Acked-by trailers
 * between four organisations, a self-review, a reviewer no map covers and one with no address; on
 * DuckDB for Node and on duckdb-wasm (the same rows copied over), with the `--area` narrowing and
 * the sentences of the weather report.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { commitsByYear } from '../../../src/lib/metrics/commits-by-year/commits-by-year.ts';
import { linesByArea } from '../../../src/lib/metrics/lines-by-area/lines-by-area.ts';
import type { MetricParams } from '../../../src/lib/metrics/metric.ts';
import { reviewBandwidth } from '../../../src/lib/metrics/review-bandwidth/review-bandwidth.ts';
import {
  crossOrganisationShares,
  reviewMatrix,
} from '../../../src/lib/metrics/review-matrix/review-matrix.ts';
import { reviewsByArea } from '../../../src/lib/metrics/reviews-by-area/reviews-by-area.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { capture } from '../../helpers/capture.ts';
import { wasmCopyOf } from '../../helpers/copy-tables.ts';
import { createRepository, makeTempDir, type GitFixture } from '../../helpers/git-fixture.ts';
import { params } from './contributions-fixture.ts';

const ALICE = { name: 'Alice', email: 'alice@arm.example' };
const BOB = { name: 'Bob', email: 'bob@citrix.example' };
const CAROL = { name: 'Carol', email: 'carol@arm.example' };
const trailer = (key: string, person: { name: string; email: string }) =>
  `${key}: ${person.name} <${person.email}>`;
const DAVE = { name: 'Dave', email: 'dave@suse.example' };
const ERIN = { name: 'Erin', email: 'erin@home.example' };
const at = (day: string) => ({ at: `${day}T12:00:00Z` });

/**
 * Four commits in two areas:
 * - a (2017, Arm): Alice's, reviewed by Bob (Citrix) and acked by Carol (Arm);
 * - b (2017, x86): Bob's, reviewed by himself (a self-review) and by Dave (SUSE);
 * - c (2018, Arm and x86): Alice's, reviewed by Bob, Erin (no map covers her) and "Nobody" (no
 *   address at all);
 * - d (2018, Arm): Carol's, reviewed by Alice, Bob and Dave.
 */
function history(repo: GitFixture): void {
  repo.commit({
    message: `a\n\n${trailer('Reviewed-by', BOB)}\n${trailer('Acked-by', CAROL)}\n`,
    author: ALICE,
    date: at('2017-03-01'),
    files: { 'xen/arch/arm/a.c': 'a\n', README: 'Xen\n' },
  });
  repo.commit({
    message: `b\n\n${trailer('Reviewed-by', BOB)}\n${trailer('Reviewed-by', DAVE)}\n`,
    author: BOB,
    date: at('2017-06-01'),
    files: { 'xen/arch/x86/b.c': 'b\nb\n' },
  });
  repo.commit({
    message: `c\n\n${trailer('Reviewed-by', BOB)}\n${trailer('Reviewed-by', ERIN)}\nReviewed-by: Nobody\n`,
    author: ALICE,
    date: at('2018-02-01'),
    files: { 'xen/arch/arm/c.c': 'c\n', 'xen/arch/x86/c.c': 'c\n' },
  });
  repo.commit({
    message: `d\n\n${trailer('Reviewed-by', ALICE)}\n${trailer('Reviewed-by', BOB)}\n${trailer('Acked-by', DAVE)}\n`,
    author: CAROL,
    date: at('2018-04-01'),
    files: { 'xen/arch/arm/d.c': 'd\n' },
  });
}

describe('who reviews whom, on review trailers', () => {
  let dir: string;
  let repo: GitFixture;
  let node: NodeDatabase;
  let wasm: Database;
  let closeEngine: () => void;
  const asOf = params('2018-06-01', { since: '2017-01-01' });
  const inArea = (...areas: string[]): MetricParams => ({ ...asOf, areas });
  /** The rows of `metric` for `p`, the same on both engines. */
  const rows = async <T>(
    metric: { run: (db: Database, p: MetricParams) => Promise<T[]> },
    p: MetricParams,
  ) => {
    const expected = await metric.run(node, p);
    expect(await metric.run(wasm, p)).toEqual(expected);
    return expected;
  };

  beforeAll(async () => {
    repo = createRepository();
    history(repo);
    dir = makeTempDir();
    writeFileSync(
      join(dir, 'xen.json'),
      JSON.stringify({
        name: 'xen',
        repositories: [{ source: repo.path, name: 'xen' }],
        affiliations: {
          defaultMap: false,
          organisations: {
            'arm.example': 'Arm',
            'citrix.example': 'Citrix',
            'suse.example': 'SUSE',
          },
        },
        areas: { Arm: ['xen/arch/arm/'], x86: ['xen/arch/x86/'] },
      }),
    );
    const stderr = capture();
    const code = await main(['collect', 'xen.json'], {
      stdout: capture(),
      stderr,
      cwd: dir,
      clock: () => new Date('2019-01-01T00:00:00Z'),
      env: {},
    });
    expect(code, stderr.text).toBe(0);
    node = await openNodeDatabase(join(dir, 'data', 'xen.duckdb'));
    ({ wasm, close: closeEngine } = await wasmCopyOf(node, [
      'commits',
      'commit_files',
      'contributions',
      'review_authors',
      'path_areas',
      'commit_areas',
    ]));
  }, 60_000);
  afterAll(async () => {
    await node?.close();
    closeEngine?.();
    repo?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("credits each trailer to its commit's author, self-reviews left out", async () => {
    const row = (year: number, reviewer: string, author: string, reviews: number) => ({
      year,
      reviewerOrganisation: reviewer,
      authorOrganisation: author,
      reviews,
    });
    expect(await rows(reviewMatrix, asOf)).toEqual([
      row(2017, 'Arm', 'Arm', 1),
      row(2017, 'Citrix', 'Arm', 1),
      row(2017, 'SUSE', 'Citrix', 1),
      row(2018, 'Citrix', 'Arm', 2),
      row(2018, 'Unknown', 'Arm', 2),
      row(2018, 'Arm', 'Arm', 1),
      row(2018, 'SUSE', 'Arm', 1),
    ]);
    // Narrowed to an area: the reviews of the commits changing its files.
    expect(await rows(reviewMatrix, inArea('x86'))).toEqual([
      row(2017, 'SUSE', 'Citrix', 1),
      row(2018, 'Unknown', 'Arm', 2),
      row(2018, 'Citrix', 'Arm', 1),
    ]);
    // Between two known organisations: 2017 two of three crossed, 2018 three of four.
    expect(crossOrganisationShares(await reviewMatrix.run(node, asOf))).toEqual([
      { year: 2017, share: 2 / 3 },
      { year: 2018, share: 3 / 4 },
    ]);
  });

  it('gives reviews, commits, reviewers and the bus factor per area and year', async () => {
    const row = (
      area: string,
      year: number,
      reviews: number,
      commits: number,
      reviewers: number,
      busFactor: number | null,
    ) => ({ area, year, reviews, commits, reviewers, busFactor });
    expect(await rows(reviewBandwidth, asOf)).toEqual([
      row('Arm', 2017, 2, 1, 2, 1),
      // Bob 2, then Alice, Dave and Erin 1 each, and Nobody's: Bob and Alice give half of 6.
      row('Arm', 2018, 6, 2, 4, 2),
      // Bob's review of his own commit counts here: it is reviewing work, if not another's.
      row('x86', 2017, 2, 1, 2, 1),
      row('x86', 2018, 3, 1, 2, 2),
    ]);
    expect(await rows(reviewBandwidth, inArea('x86'))).toEqual([
      row('x86', 2017, 2, 1, 2, 1),
      row('x86', 2018, 3, 1, 2, 2),
    ]);
  });

  it("gives each organisation's reviews and share of the reviewing per area and year", async () => {
    const row = (
      area: string,
      year: number,
      organisation: string,
      reviews: number,
      share: number,
    ) => ({
      area,
      year,
      organisation,
      reviews,
      share,
    });
    expect(await rows(reviewsByArea, asOf)).toEqual([
      row('Arm', 2017, 'Arm', 1, 1 / 2),
      row('Arm', 2017, 'Citrix', 1, 1 / 2),
      row('Arm', 2018, 'Citrix', 2, 2 / 6),
      row('Arm', 2018, 'Arm', 1, 1 / 6),
      row('Arm', 2018, 'SUSE', 1, 1 / 6),
      row('Arm', 2018, 'Unknown', 2, 2 / 6),
      row('x86', 2017, 'Citrix', 1, 1 / 2),
      row('x86', 2017, 'SUSE', 1, 1 / 2),
      row('x86', 2018, 'Citrix', 1, 1 / 3),
      row('x86', 2018, 'Unknown', 2, 2 / 3),
    ]);
  });

  it('narrows every figure to the commits changing an area', async () => {
    const years = async (p: MetricParams) =>
      (await rows(commitsByYear, p)).map((r) => [r.year, r.commits]);
    expect(await years(asOf)).toEqual([
      [2017, 2],
      [2018, 2],
    ]);
    expect(await years(inArea('Arm'))).toEqual([
      [2017, 1],
      [2018, 2],
    ]);
    expect(await years(inArea('x86'))).toEqual([
      [2017, 1],
      [2018, 1],
    ]);
    // Two areas: the commits changing either.
    expect(await years(inArea('x86', 'Arm'))).toEqual(await years(asOf));
    // Lines added and removed: only the areas named.
    expect((await rows(linesByArea, inArea('x86'))).map((r) => [r.area, r.year, r.added])).toEqual([
      ['x86', 2017, 2],
      ['x86', 2018, 1],
    ]);
  });

  it('says how far reviews crossed organisations and how few people gave half of them', async () => {
    const report = await buildWeatherReport(
      node,
      { asOf: '2018-06-01', since: '2017-01-01', areas: ['Arm'] },
      { project: 'xen' },
    );
    expect(report.filters).toEqual({ repositories: [], paths: [], areas: ['Arm'] });
    expect(report.crossOrganisationShareByYear).toEqual([
      { year: 2017, share: 1 / 2 },
      { year: 2018, share: 3 / 4 },
    ]);
    expect(report.sentences).toContain(
      'In Arm, 75% of reviews crossed organisations so far in 2018, against 50% in 2017.',
    );
    expect(report.sentences).toContain(
      'Half of the Arm reviews so far in 2018 came from 2 people (of 4 reviewers).',
    );
    const whole = await buildWeatherReport(
      node,
      { asOf: '2019-01-01', since: '2017-01-01' },
      { project: 'xen' },
    );
    expect(whole.sentences).toContain(
      'Of the reviews in 2018, 75% crossed organisations, against 67% in 2017.',
    );
  });

  it('refuses an area the database does not know, naming the near ones', async () => {
    await expect(
      buildWeatherReport(node, { asOf: '2018-06-01', areas: ['arm'] }, { project: 'xen' }),
    ).rejects.toThrow("unknown area 'arm' (did you mean 'Arm'?)");
    await expect(
      buildWeatherReport(node, { asOf: '2018-06-01', areas: ['ppc'] }, { project: 'xen' }),
    ).rejects.toThrow("unknown area 'ppc' (known: 'Arm', 'x86')");
  });
});
