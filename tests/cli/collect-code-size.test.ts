import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { capture } from '../helpers/capture.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { createRepository, makeTempDir } from '../helpers/git-fixture.ts';

const defer = cleanupAfterAll();

const MAINTAINERS = [
  'Prose before the sections.',
  '',
  'ARM',
  'F:\txen/arch/arm/',
  '',
  'X86',
  'F:\txen/arch/x86/',
  'X:\txen/arch/x86/hvm/',
  '',
  'THE REST',
  'F:\t*',
  'F:\t*/',
  '',
].join('\n');

async function collect(args: string[], cwd: string) {
  const stdout = capture();
  const stderr = capture();
  let tick = 0;
  const clock = () => new Date(Date.UTC(2024, 0, 1) + 1000 * tick++);
  const code = await main(['collect', ...args], { stdout, stderr, cwd, clock, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

async function query(path: string, sql: string): Promise<unknown[]> {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    return await db.query(sql);
  } finally {
    await db.close();
  }
}

/** A repository with MAINTAINERS, a file in each area and a release tag; a project config for it. */
function project() {
  const repo = createRepository();
  defer(() => repo.cleanup());
  repo.commit({
    message: 'Start\n',
    files: {
      MAINTAINERS,
      'xen/arch/arm/setup.c': 'int arm;\n/* c */\n',
      'xen/arch/x86/traps.c': 'int x86;\n\nint more;\n',
      'xen/arch/x86/hvm/vmx.c': 'int hvm;\n',
      README: 'Read me\n',
    },
  });
  repo.git(['tag', 'RELEASE-1.0']);
  repo.commit({ message: 'Arm grows\n', files: { 'xen/arch/arm/gic.c': 'int gic;\n' } });
  const cwd = makeTempDir();
  defer(() => rmSync(cwd, { recursive: true, force: true }));
  const write = (config: object) =>
    writeFileSync(
      join(cwd, 'xen.json'),
      JSON.stringify({
        name: 'xen',
        repositories: [{ source: repo.path, name: 'xen' }],
        ...config,
      }),
    );
  return { repo, cwd, write, db: join(cwd, 'data', 'xen.duckdb') };
}

describe('collect with areas and code size', () => {
  it('counts code size at the tags, and puts each path in the areas of the MAINTAINERS file', async () => {
    const { cwd, write, db } = project();
    writeFileSync(
      join(cwd, 'cloc.list'),
      '# compiled\nxen/arch/arm/./setup.c\nxen/arch/x86/traps.c\n',
    );
    write({
      areas: { from: 'MAINTAINERS' },
      codeSize: { at: { tags: 'RELEASE-*' }, files: 'cloc.list', targets: { ARM: 100 } },
    });
    const run = await collect(['xen.json'], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^xen: code size at 1 point \(1 new\), 2 files counted in \d+\.\d s \((git-cli|isomorphic-git)\)$/m,
    );
    expect(run.stdout).toMatch(/^areas \(maintainers\) applied: 3 areas over 6 paths$/m);
    expect(
      await query(
        db,
        `SELECT f.path, b.language, b.code, b.comment, b.blank
         FROM code_size_files f JOIN code_size_blobs b USING (blob_id, path_language) ORDER BY 1`,
      ),
    ).toEqual([
      { path: 'xen/arch/arm/setup.c', language: 'C', code: 1, comment: 1, blank: 0 },
      { path: 'xen/arch/x86/traps.c', language: 'C', code: 2, comment: 0, blank: 1 },
    ]);
    expect(await query(db, 'SELECT path, area FROM path_areas ORDER BY ALL')).toEqual([
      { path: 'MAINTAINERS', area: 'THE REST' },
      { path: 'README', area: 'THE REST' },
      { path: 'xen/arch/arm/gic.c', area: 'ARM' },
      { path: 'xen/arch/arm/gic.c', area: 'THE REST' },
      { path: 'xen/arch/arm/setup.c', area: 'ARM' },
      { path: 'xen/arch/arm/setup.c', area: 'THE REST' },
      { path: 'xen/arch/x86/hvm/vmx.c', area: 'THE REST' },
      { path: 'xen/arch/x86/traps.c', area: 'THE REST' },
      { path: 'xen/arch/x86/traps.c', area: 'X86' },
    ]);

    // Nothing new: neither code size nor the areas are done again.
    const again = await collect(['xen.json'], cwd);
    expect(again.stderr).toMatch(/^xen: code size at 1 point, nothing new$/m);
    expect(again.stdout).toMatch(/^areas \(maintainers\) unchanged: 3 areas over 6 paths$/m);

    // Areas listed in the config replace them without mining, and a database given alone keeps them.
    write({ areas: { Arm: ['xen/arch/arm/'], x86: ['xen/arch/x86/', '!xen/arch/x86/hvm/'] } });
    const listed = await collect(['xen.json'], cwd);
    expect(listed.stdout).toMatch(
      /^areas \(config\) applied: 2 areas over 6 paths; 3 paths in none$/m,
    );
    const areas = 'SELECT area, count(*) AS paths FROM path_areas GROUP BY ALL ORDER BY ALL';
    const expected = [
      { area: 'Arm', paths: 2 },
      { area: 'x86', paths: 1 },
    ];
    expect(await query(db, areas)).toEqual(expected);
    expect((await collect([db], cwd)).code).toBe(0);
    expect(await query(db, areas)).toEqual(expected);

    // Without areas, each top-level folder is one.
    write({});
    await collect(['xen.json'], cwd);
    expect(await query(db, areas)).toEqual([
      { area: '(top level)', paths: 2 },
      { area: 'xen', paths: 4 },
    ]);
  });

  it('stops in one line on a bad file list, before mining', async () => {
    const { cwd, write, db } = project();
    write({ codeSize: { at: { tags: 'RELEASE-*' }, files: 'missing.list' } });
    const missing = await collect(['xen.json'], cwd);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(
      `barometer collect: ${join(cwd, 'missing.list')}: cannot read the file list named by codeSize.files\n`,
    );
    writeFileSync(join(cwd, 'bad.list'), 'ok.c\n/abs/x.c\n');
    write({ codeSize: { at: { tags: 'RELEASE-*' }, files: 'bad.list' } });
    const bad = await collect(['xen.json'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `barometer collect: ${join(cwd, 'bad.list')}:2: an absolute path; list paths relative to the repository root: /abs/x.c\n`,
    );
    write({ areas: { Arm: 'xen/arch/arm/' } });
    const config = await collect(['xen.json'], cwd);
    expect(config.code).toBe(2);
    expect(config.stderr).toBe(
      'barometer collect: xen.json: field "areas.Arm" must be a non-empty list of path patterns, got "xen/arch/arm/"\n',
    );
    await expect(query(db, 'SELECT 1')).rejects.toThrow();
  });
});
