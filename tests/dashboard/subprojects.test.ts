/**
 * Sub-projects on the dashboard: the control, its place in the URL, the sub-project panel and an
 * unknown name, on a generated project of five repositories in sub-projects, served by the real
 * `barometer serve` and driven in headless Chromium. Figures equal the report DuckDB for Node gives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import { buildWeatherReport } from '../../src/lib/report/build-weather-report.ts';
import { applySubprojects } from '../../src/lib/subprojects/apply-subprojects.ts';
import { insertFixture } from '../lib/metrics/contributions-fixture.ts';
import { SUBPROJECTS, subprojectCommits } from '../lib/metrics/subprojects-fixture.ts';
import {
  launchBrowser,
  startBarometer,
  waitForView,
  watchPage,
  type PageProblems,
  type ServeProcess,
} from './browser.ts';

let dir: string;
let dbPath: string;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'barometer-subprojects-'));
  dbPath = join(dir, 'generated.duckdb');
  const db = await openNodeDatabase(dbPath);
  try {
    await ensureSchema(db);
    await insertFixture(db, subprojectCommits());
    for (const name of ['app-one', 'app-two', 'core', 'core-docs', 'fresh']) {
      await db.query(`INSERT INTO repositories VALUES ($name, 'test', 'main', NULL, NULL)`, {
        name,
      });
    }
    await applySubprojects(db, SUBPROJECTS);
  } finally {
    await db.close();
  }
  serve = await startBarometer(['serve', dbPath, '--port', '0'], dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = watchPage(page);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function expected(subprojects: string[] = []) {
  const db = await openNodeDatabase(dbPath, { readOnly: true });
  try {
    return await buildWeatherReport(
      db,
      { asOf: '2018-06-01', since: '2015-01-01', subprojects },
      { project: 'generated' },
    );
  } finally {
    await db.close();
  }
}

/** `[name, year, value]` of the sub-project panel's points. */
function subprojectPoints(): Promise<Array<[string, number, number]>> {
  return page
    .locator('[data-panel="subprojects"] svg [data-name][data-year]')
    .evaluateAll((marks) =>
      marks.map((m) => [
        m.getAttribute('data-name') ?? '',
        Number(m.getAttribute('data-year')),
        Number(m.getAttribute('data-value')),
      ]),
    ) as Promise<Array<[string, number, number]>>;
}

describe('sub-projects on the dashboard', () => {
  it('draws one line per sub-project, narrows every chart to one from the control, and keeps it in the URL', async () => {
    await page.goto(`${serve.url}?asOf=2018-06-01&since=2015`);
    expect(await waitForView(page)).toBe('ready');
    const all = await expected();
    const lines = (report: typeof all) =>
      report.subprojects.flatMap((s) =>
        s.commitsByYear.map((y): [string, number, number] => [s.name, y.year, y.commits]),
      );
    expect(await subprojectPoints()).toEqual(lines(all));
    expect(await page.locator('[data-panel="projection"] svg').count()).toBe(1);
    expect(
      await page
        .locator('select[name="subproject"] option')
        .evaluateAll((o) => o.map((x) => x.textContent)),
    ).toEqual(['All', 'Core', 'Apps', 'New', 'Empty']);

    await page.locator('select[name="subproject"]').selectOption('Apps');
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.getAll('subproject')).toEqual(['Apps']);
    // The controls' drawer states the sub-project with the rest of the view.
    expect(await page.locator('.controls-drawer summary').textContent()).toContain(
      'sub-project Apps',
    );
    const apps = await expected(['Apps']);
    const bars = await page
      .locator('[data-panel="commits-by-year"] svg [data-year][data-value]')
      .evaluateAll((marks) =>
        marks.map((m) => [
          Number(m.getAttribute('data-year')),
          Number(m.getAttribute('data-value')),
        ]),
      );
    expect(bars).toEqual(apps.commitsByYear.map((r) => [r.year, r.commits]));
    expect(await subprojectPoints()).toEqual(lines(apps));
    const sentences = await page.locator('[data-panel="subprojects"] .panel-words').textContent();
    expect(sentences).toContain("Apps's commits are growing about");

    await page.goBack();
    expect(await waitForView(page)).toBe('ready');
    expect(await page.locator('select[name="subproject"]').inputValue()).toBe('');
    expect(problems.errors).toEqual([]);
  });

  it('explains an unknown sub-project in the address and offers all of them', async () => {
    await page.goto(`${serve.url}?asOf=2018-06-01&subproject=Kernel`);
    expect(await waitForView(page)).toBe('failed');
    expect(await page.locator('.status h2').textContent()).toBe('Unknown sub-project');
    expect(await page.locator('.status').textContent()).toContain(
      "unknown sub-project 'Kernel' (known: 'Core', 'Apps', 'New', 'Empty')",
    );
    await page.locator('.status button').click();
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.has('subproject')).toBe(false);
  });
});
