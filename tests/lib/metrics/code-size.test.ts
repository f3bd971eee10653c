/**
 * The code-size metrics on a history mined, counted and resolved by `collect` itself, on DuckDB for
 * Node and on duckdb-wasm (the same rows copied over), with the sentences of the weather report.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { codeSize } from '../../../src/lib/metrics/code-size/code-size.ts';
import { linesByArea } from '../../../src/lib/metrics/lines-by-area/lines-by-area.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { capture } from '../../helpers/capture.ts';
import { wasmCopyOf } from '../../helpers/copy-tables.ts';
import { createRepository, makeTempDir, type GitFixture } from '../../helpers/git-fixture.ts';
import { params } from './contributions-fixture.ts';

const ALICE = { name: 'Alice', email: 'alice@arm.example' };
const BOB = { name: 'Bob', email: 'bob@citrix.example' };
const CAROL = { name: 'Carol', email: 'carol@elsewhere.example' };
const at = (day: string) => ({ at: `${day}T12:00:00Z` });

/** Arm and x86 files by two organisations over 2019, a release tag at each end; one more in 2020. */
function history(repo: GitFixture): void {
  repo.commit({
    message: 'Start\n',
    author: ALICE,
    date: at('2019-02-01'),
    files: {
      'xen/arch/arm/setup.c': '/* Arm setup */\nint a;\n\nint b;\nint c;\n',
      'xen/arch/arm/head.S': '/* entry */\n  mov x0, x1\n  ret\n',
      'xen/arch/x86/traps.c': 'int t;\nint u;\n',
      README: 'Xen\n',
    },
  });
  repo.git(['tag', 'RELEASE-1.0']);
  repo.commit({
    message: 'Grow\n',
    author: BOB,
    date: at('2019-05-01'),
    files: {
      'xen/arch/x86/traps.c': 'int t;\nint u;\nint v;\nint w;\nint x;\n',
      'xen/arch/arm/setup.c': '/* Arm setup */\nint a;\n\nint b;\nint c;\nint d;\n',
    },
  });
  repo.commit({
    message: 'GIC\n',
    author: ALICE,
    date: at('2019-08-01'),
    files: { 'xen/arch/arm/gic.c': 'int g1;\nint g2;\nint g3;\nint g4;\n' },
  });
  repo.git(['tag', 'RELEASE-1.1']);
  repo.commit({
    message: 'Later\n',
    author: CAROL,
    date: at('2020-03-01'),
    files: { 'xen/arch/arm/late.c': 'int late;\n' },
  });
  repo.git(['tag', 'RELEASE-1.2']);
}

describe('code-size metrics', () => {
  let dir: string;
  let repo: GitFixture;
  let node: NodeDatabase;
  let wasm: Database;
  let closeEngine: () => void;
  const asOf = params('2020-01-01', { since: '2019-01-01' });

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
          organisations: { 'arm.example': 'Arm Ltd', 'citrix.example': 'Citrix' },
        },
        areas: { Arm: ['xen/arch/arm/'], x86: ['xen/arch/x86/'] },
        codeSize: { at: { tags: 'RELEASE-*' }, targets: { Arm: 100 } },
      }),
    );
    const stderr = capture();
    const code = await main(['collect', 'xen.json'], {
      stdout: capture(),
      stderr,
      cwd: dir,
      clock: () => new Date('2021-01-01T00:00:00Z'),
      env: {},
    });
    expect(code, stderr.text).toBe(0);
    node = await openNodeDatabase(join(dir, 'data', 'xen.duckdb'));
    ({ wasm, close: closeEngine } = await wasmCopyOf(node, [
      'commits',
      'commit_files',
      'contributions',
      'path_areas',
      'commit_areas',
      'code_size_points',
      'code_size_totals',
      'code_size_targets',
    ]));
  });
  afterAll(async () => {
    await node?.close();
    closeEngine?.();
    repo?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives files and lines per point, area and language, before the as-of date', async () => {
    const row = (
      at: string,
      area: string | null,
      language: string,
      files: number,
      code: number,
      comment: number,
      blank: number,
    ) => ({
      repository: 'xen',
      at,
      kind: 'tag',
      commit: repo.rev(at),
      date: at === 'RELEASE-1.0' ? '2019-02-01' : '2019-08-01',
      area,
      language,
      files,
      code,
      comment,
      blank,
      target: area === 'Arm' ? 100 : null,
    });
    const expected = [
      row('RELEASE-1.0', null, 'Assembly', 1, 2, 1, 0),
      row('RELEASE-1.0', null, 'C', 2, 5, 1, 1),
      row('RELEASE-1.0', null, 'Text', 1, 1, 0, 0),
      row('RELEASE-1.0', 'Arm', 'Assembly', 1, 2, 1, 0),
      row('RELEASE-1.0', 'Arm', 'C', 1, 3, 1, 1),
      row('RELEASE-1.0', 'x86', 'C', 1, 2, 0, 0),
      row('RELEASE-1.1', null, 'Assembly', 1, 2, 1, 0),
      row('RELEASE-1.1', null, 'C', 3, 13, 1, 1),
      row('RELEASE-1.1', null, 'Text', 1, 1, 0, 0),
      row('RELEASE-1.1', 'Arm', 'Assembly', 1, 2, 1, 0),
      row('RELEASE-1.1', 'Arm', 'C', 2, 8, 1, 1),
      row('RELEASE-1.1', 'x86', 'C', 1, 5, 0, 0),
    ];
    expect(await codeSize.run(node, asOf)).toEqual(expected);
    expect(await codeSize.run(wasm, asOf)).toEqual(expected);
    // A path does not narrow code size (areas do); a repository the project lacks leaves nothing.
    expect(await codeSize.run(node, { ...asOf, paths: ['xen/arch/x86'] })).toEqual(expected);
    expect(await codeSize.run(node, { ...asOf, repositories: ['other'] })).toEqual([]);
  });

  it('gives lines added and removed per area, year and organisation', async () => {
    const expected = [
      { area: 'Arm', year: 2019, organisation: 'Arm Ltd', added: 12, removed: 0, commits: 2 },
      { area: 'Arm', year: 2019, organisation: 'Citrix', added: 1, removed: 0, commits: 1 },
      { area: 'x86', year: 2019, organisation: 'Citrix', added: 3, removed: 0, commits: 1 },
      { area: 'x86', year: 2019, organisation: 'Arm Ltd', added: 2, removed: 0, commits: 1 },
    ];
    expect(await linesByArea.run(node, asOf)).toEqual(expected);
    expect(await linesByArea.run(wasm, asOf)).toEqual(expected);
    // The top 1 of each area keeps its name; the rest is Other; Unknown stays apart.
    const later = { ...params('2021-01-01', { since: '2019-01-01' }), top: 1 };
    expect(await linesByArea.run(node, later)).toEqual([
      { area: 'Arm', year: 2019, organisation: 'Arm Ltd', added: 12, removed: 0, commits: 2 },
      { area: 'Arm', year: 2019, organisation: 'Other', added: 1, removed: 0, commits: 1 },
      { area: 'Arm', year: 2020, organisation: 'Unknown', added: 1, removed: 0, commits: 1 },
      { area: 'x86', year: 2019, organisation: 'Citrix', added: 3, removed: 0, commits: 1 },
      { area: 'x86', year: 2019, organisation: 'Other', added: 2, removed: 0, commits: 1 },
    ]);
  });

  it('says what a speaker would say, in weather.json and the sentences', async () => {
    const report = await buildWeatherReport(
      node,
      { asOf: '2020-01-01', since: '2019-01-01' },
      { project: 'xen' },
    );
    expect(report.codeSize).toHaveLength(12);
    expect(report.sentences.slice(-2)).toEqual([
      'Arm is 10 lines of C and assembly at RELEASE-1.1 (target 100), up from 5 at RELEASE-1.0.',
      'In 2019, 13 lines were added to Arm and none removed; Arm Ltd wrote 92% of the added lines.',
    ]);
  });
});
