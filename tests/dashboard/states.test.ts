/**
 * The dashboard's odd states and the static site: a project with a single commit, a database with
 * no contributions, and `barometer site` output served by a plain static server (as any host
 * would), each in headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from '../../src/cli/static-server.ts';
import { parseDataManifest } from '../../src/lib/db/wasm-manifest.ts';
import { launchBrowser, startBarometer, waitForView, watchPage } from './browser.ts';
import {
  writeEmptyDatabase,
  writeOneCommitDatabase,
  writeProjectDatabase,
} from './dashboard-fixture.ts';

const BARO = fileURLToPath(new URL('../../src/cli/barometer.js', import.meta.url));

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'barometer-states-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function withPage<T>(url: string, work: (page: Page, errors: string[]) => Promise<T>) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const problems = watchPage(page);
  try {
    await page.goto(url);
    return await work(page, problems.errors);
  } finally {
    await page.close();
  }
}

describe('odd projects', () => {
  it('draws a project with one commit: the year with it and the empty years around it', async () => {
    const db = join(dir, 'solo.duckdb');
    await writeOneCommitDatabase(db);
    const serve = await startBarometer(['serve', db, '--port', '0'], dir);
    try {
      await withPage(serve.url, async (page, errors) => {
        expect(await waitForView(page)).toBe('ready');
        // Default view: as of the day after the last contribution, since ten years before.
        expect(await page.locator('input[name="asOf"]').inputValue()).toBe('2016-05-05');
        const bars = await page
          .locator('[data-panel="commits-by-year"] svg [data-year][data-value]')
          .evaluateAll((marks) =>
            marks.map((m) => [
              Number(m.getAttribute('data-year')),
              Number(m.getAttribute('data-value')),
            ]),
          );
        expect(bars).toEqual(
          Array.from({ length: 11 }, (_, i) => [2006 + i, 2006 + i === 2016 ? 1 : 0]),
        );
        const top = await page
          .locator('[data-panel="top-organisations"] svg [data-organisation]')
          .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-organisation')));
        expect(top).toEqual(['Citrix']);
        expect(errors).toEqual([]);
      });
    } finally {
      await serve.stop();
    }
  });

  it('says so when a database has no contributions yet', async () => {
    const db = join(dir, 'empty.duckdb');
    await writeEmptyDatabase(db);
    const serve = await startBarometer(['serve', db, '--port', '0'], dir);
    try {
      await withPage(serve.url, async (page, errors) => {
        expect(await waitForView(page)).toBe('empty');
        expect(await page.locator('.status h2').textContent()).toBe('No contributions yet');
        expect(await page.locator('.panel').count()).toBe(0);
        expect(errors).toEqual([]);
      });
    } finally {
      await serve.stop();
    }
  });
});

describe('barometer site', () => {
  it('writes a static site any static server can serve', async () => {
    const db = join(dir, 'xen.duckdb');
    await writeProjectDatabase(db);
    const out = join(dir, 'site');
    const run = spawnSync(process.execPath, [BARO, 'site', db, '--out', out], {
      cwd: dir,
      env: { ...process.env, TZ: 'UTC' },
      encoding: 'utf8',
    });
    expect(run.stderr + run.stdout).toMatch(/wrote the xen dashboard to .*site: 22 tables/);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['assets', 'data', 'index.html']);
    const manifest = parseDataManifest(
      JSON.parse(readFileSync(join(out, 'data', 'manifest.json'), 'utf8')),
    );
    expect(manifest.project).toBe('xen');
    for (const table of manifest.tables)
      expect(existsSync(join(out, 'data', table.file))).toBe(true);
    expect(readdirSync(join(out, 'assets')).some((f) => f.endsWith('.wasm'))).toBe(true);

    // A folder holding something else is refused, not overwritten.
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const refused = spawnSync(process.execPath, [BARO, 'site', db, '--out', other], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not empty and not a Barometer site/);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');

    const server = await startStaticServer([{ prefix: '/', dir: out }], { port: 0 });
    try {
      await withPage(`${server.url}?asOf=2018-06-01&since=2011`, async (page, errors) => {
        expect(await waitForView(page)).toBe('ready');
        expect(await page.locator('h1').textContent()).toBe('xen');
        expect(await page.locator('.panel').count()).toBeGreaterThanOrEqual(9);
        expect(errors).toEqual([]);
      });
    } finally {
      await server.close();
    }
  });
});
