import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeFigures } from '../../src/cli/figures/write-figures.ts';
import { parseFigureSize } from '../../src/cli/figures/figure-size.ts';
import { FIGURE_NAMES } from '../../src/lib/report/figure-name.ts';
import { decodePng, distinctPixels } from '../charts/png-decode.ts';
import { sampleReport } from '../charts/sample-report.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-figures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFigures', () => {
  it('writes one SVG and one PNG per figure, named after what it shows', async () => {
    const out = join(dir, 'blog');
    const written = await writeFigures(
      sampleReport(),
      { outDir: out, formats: ['svg', 'png'], size: 'blog', theme: 'light', source: 'xen.git' },
      fs,
    );
    expect(Object.keys(written.figures)).toEqual(FIGURE_NAMES);
    expect(Object.values(written.figures)).toEqual(FIGURE_NAMES.map((n) => `${n}.svg`));
    expect((await readdir(out)).sort()).toEqual(
      FIGURE_NAMES.flatMap((n) => [`${n}.png`, `${n}.svg`]).sort(),
    );
    const svg = await readFile(join(out, 'commits-by-year.svg'), 'utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg).toContain('viewBox="0 0 1200 675"');
    expect(svg).toContain('@font-face{font-family:Inter;');
    expect(svg).toContain('Source: xen.git, as of 1 June 2018');
    expect(svg).toContain('xen · 1 January 2011 – 31 May 2018');
    expect(svg).not.toContain('var(--');
  });

  it('PNGs are 2× the size, decode, and are not blank', async () => {
    const out = join(dir, 'blog');
    for (const name of FIGURE_NAMES) {
      const png = decodePng(await readFile(join(out, `${name}.png`)));
      expect([name, png.width, png.height]).toEqual([name, 2400, 1350]);
      // A blank or single-colour image has one or two values; a chart has bars, text and
      // anti-aliased edges.
      expect(distinctPixels(png)).toBeGreaterThan(50);
      // Most pixels are the white background, but not all of them.
      let white = 0;
      for (let i = 0; i < png.pixels.length; i += png.channels) {
        if (png.pixels[i] === 255 && png.pixels[i + 1] === 255 && png.pixels[i + 2] === 255)
          white++;
      }
      const ratio = white / (png.width * png.height);
      expect(ratio).toBeGreaterThan(0.3);
      expect(ratio).toBeLessThan(0.97);
    }
  });

  it('slide and square sizes, the dark theme, and a scale of 1', async () => {
    const slide = join(dir, 'slide');
    await writeFigures(
      sampleReport(),
      { outDir: slide, formats: ['png'], size: 'slide', theme: 'dark', scale: 1 },
      fs,
    );
    const png = decodePng(await readFile(join(slide, 'top-organisations.png')));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // The dark theme's background (#16171b) fills the corner.
    expect([...png.pixels.subarray(0, 3)]).toEqual([0x16, 0x17, 0x1b]);
    const square = join(dir, 'square');
    await writeFigures(sampleReport(), { outDir: square, formats: ['svg'], size: 'square' }, fs);
    const svg = await readFile(join(square, 'newcomers.svg'), 'utf8');
    expect(svg).toContain('viewBox="0 0 1080 1080"');
    expect(() => parseFigureSize('poster')).toThrow(
      '--size must be one of blog, slide, square, got "poster"',
    );
  });

  it('the same report gives the same bytes, in vitest and under the plain Node CLI loader', async () => {
    const a = join(dir, 'same-a');
    const b = join(dir, 'same-b');
    await writeFigures(sampleReport(), { outDir: a, formats: ['svg', 'png'] }, fs);
    // The CLI path: plain Node, .svelte compiled by src/cli/figures/svelte-hook.js.
    const script = `
      import * as fs from 'node:fs/promises';
      import { writeFigures } from './src/cli/figures/write-figures.ts';
      import { sampleReport } from './tests/charts/sample-report.ts';
      await writeFigures(sampleReport(), { outDir: ${JSON.stringify(b)}, formats: ['svg', 'png'] }, fs);
    `;
    await promisify(execFile)(
      process.execPath,
      ['--import', './src/cli/register.js', '--input-type=module', '-e', script],
      { cwd: root, env: { ...process.env, VITEST: undefined, TZ: 'UTC' } },
    );
    for (const file of ['commits-by-year.svg', 'newcomers.png', 'organisations-over-time.png']) {
      const [x, y] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
      expect([file, x.equals(y)]).toEqual([file, true]);
    }
  });
});
