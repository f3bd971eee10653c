/**
 * Golden files for report tests: `expectGolden(name, actual)` compares with
 * tests/lib/report/golden/<name>. A mismatch (or a missing golden) writes `<base>-changed.<ext>`
 * beside it and fails; goldens are (re)written only when UPDATE_GOLDEN=1.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compares `actual` with the golden file `name` (e.g. `weather.md`). */
export function expectGolden(name: string, actual: string): void {
  const file = join(folder, name);
  const changed = file.replace(/(\.[^.]+)$/, '-changed$1');
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(
    expected === null
      ? `no golden ${name}: wrote ${changed}; inspect it and run with UPDATE_GOLDEN=1`
      : `${name} differs from its golden: see ${changed}; if intended, run with UPDATE_GOLDEN=1`,
  );
}
