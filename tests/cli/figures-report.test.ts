import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import { FIGURE_NAMES } from '../../src/lib/report/figure-name.ts';
import { insertFixture } from '../lib/metrics/contributions-fixture.ts';
import { generatedProject } from '../lib/report/generated-project.ts';
import { decodePng, distinctPixels } from '../charts/png-decode.ts';
import { runCli } from '../helpers/run-cli.ts';

const clock = () => new Date('2018-06-01T08:30:00Z');

describe('barometer report --figures', () => {
  let dir: string;

  const run = (...args: string[]) => runCli(['report', ...args], { cwd: dir, clock, env: {} });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'barometer-report-figures-'));
    const db = await openNodeDatabase(join(dir, 'data', 'xen.duckdb'));
    await ensureSchema(db);
    const { commits, githubReviews } = generatedProject();
    await insertFixture(db, commits, githubReviews);
    await db.exec(
      `INSERT INTO repositories VALUES ('xen', 'https://example.org/xen.git', 'master', NULL, NULL)`,
    );
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every figure as SVG and PNG, embeds them in weather.md, and writes weather.html', async () => {
    const result = await run(
      'data/xen.duckdb',
      '--since',
      '2011-01-01',
      '--out',
      'out',
      '--figures',
      'svg,png',
      '--size',
      'slide',
      '--theme',
      'dark',
      '--format',
      'html',
    );
    expect(result.stderr).toMatch(/^wrote \d+ files to /);
    expect(result.code).toBe(0);
    const out = join(dir, 'out');
    const files = readdirSync(out);
    for (const name of FIGURE_NAMES) {
      expect(files).toContain(`${name}.svg`);
      expect(files).toContain(`${name}.png`);
      const png = decodePng(readFileSync(join(out, `${name}.png`)));
      expect([name, png.width, png.height]).toEqual([name, 3840, 2160]);
      expect(distinctPixels(png)).toBeGreaterThan(50);
    }
    expect(files).toContain('weather.html');
    const svg = readFileSync(join(out, 'top-organisations.svg'), 'utf8');
    expect(svg).toContain('viewBox="0 0 1920 1080"');
    // The dark theme's background and the source line naming the repository and the as-of day.
    expect(svg).toContain('style="fill: #16171b"');
    expect(svg).toContain('Source: xen, as of 1 June 2018');
    const md = readFileSync(join(out, 'weather.md'), 'utf8');
    // Each figure is embedded (SVG, the first format asked for) after the sentence it supports.
    for (const name of FIGURE_NAMES) expect(md).toContain(`](${name}.svg)`);
    expect(md).toMatch(
      /Commits grew on average[^\n]*\n\n!\[Commits by year\]\(commits-by-year\.svg\)/,
    );
    expect(md).toMatch(/AWS made its first contribution[^\n]*\n\n!\[Newcomers\]\(newcomers\.svg\)/);
    const html = readFileSync(join(out, 'weather.html'), 'utf8');
    expect(html.match(/<figure id="/g)).toHaveLength(FIGURE_NAMES.length);
    expect(html).not.toMatch(/<img|<script/);
  });

  it('writes the figures as SVG and PNG with --out alone, and none with --figures none', async () => {
    const result = await run('data/xen.duckdb', '--as-of', '2018-06-01', '--out', 'plain');
    expect(result.code, result.stderr).toBe(0);
    const files = readdirSync(join(dir, 'plain'));
    for (const name of FIGURE_NAMES) {
      expect(files).toContain(`${name}.svg`);
      expect(files).toContain(`${name}.png`);
    }
    expect(readFileSync(join(dir, 'plain', 'weather.md'), 'utf8')).toContain(
      '](commits-by-year.svg)',
    );
    const none = await run('data/xen.duckdb', '--out', 'bare', '--figures', 'none');
    expect(none.code, none.stderr).toBe(0);
    const bare = readdirSync(join(dir, 'bare'));
    expect(bare.filter((f) => /\.(svg|png)$/.test(f))).toEqual([]);
    expect(readFileSync(join(dir, 'bare', 'weather.md'), 'utf8')).not.toContain('![');
  });

  it('refuses bad figure options in one line', async () => {
    const gif = await run('data/xen.duckdb', '--out', 'out2', '--figures', 'gif');
    expect(gif.code).toBe(2);
    expect(gif.stderr).toBe(
      "barometer report: --figures must be svg, png, svg,png or none, got 'gif'\n",
    );
    const size = await run('data/xen.duckdb', '--out', 'out2', '--size', 'poster');
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('--size must be one of blog, slide, square, got "poster"');
    const noOut = await run('data/xen.duckdb', '--figures', 'svg');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--figures, --size, --theme and --format need --out DIR');
  });
});
