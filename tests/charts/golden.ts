/**
 * Golden-file comparison of SVG pretty-printed one element a line (so a diff shows the mark that
 * changed): a mismatch writes `<name>-changed.svg` beside the golden and fails; the golden itself is
 * only written when UPDATE_GOLDEN=1.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { prettySvg } from './pretty-svg.ts';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compares `svg`, pretty-printed, with `golden/<name>.svg`. */
export function expectGolden(name: string, svg: string): void {
  const actual = prettySvg(svg);
  const golden = join(folder, `${name}.svg`);
  const changed = join(folder, `${name}-changed.svg`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(folder, { recursive: true });
    writeFileSync(golden, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(golden)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(changed, actual);
    throw new Error(
      `no golden ${name}.svg; wrote ${name}-changed.svg (UPDATE_GOLDEN=1 accepts it)`,
    );
  }
  const expected = readFileSync(golden, 'utf8');
  if (expected !== actual) {
    writeFileSync(changed, actual);
  } else {
    rmSync(changed, { force: true });
  }
  expect(actual, `${name}.svg differs; see ${name}-changed.svg`).toBe(expected);
}
