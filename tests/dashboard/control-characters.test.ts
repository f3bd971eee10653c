/**
 * The dashboard's downloads of figures whose organisation names hold control characters, in
 * headless Chromium: the SVG is well-formed XML and the PNG button gives a PNG.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  collectHostileProject,
  SHOWN_ORG,
  type HostileProject,
} from '../helpers/hostile-project.ts';
import {
  launchBrowser,
  startBarometer,
  waitForView,
  watchPage,
  type ServeProcess,
} from './browser.ts';

let project: HostileProject;
let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  project = await collectHostileProject();
  serve = await startBarometer(['serve', project.db, '--port', '0'], project.repo.root);
  browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  project?.repo.cleanup();
});

async function download(panel: string, kind: 'svg' | 'png'): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.locator(`[data-panel="${panel}"] button[data-download="${kind}"]`).click(),
  ]);
  return readFileSync(await file.path());
}

describe('dashboard downloads of names holding control characters', () => {
  it('give a well-formed SVG and a PNG', async () => {
    const problems = watchPage(page);
    await page.goto(`${serve.url}?asOf=2019-01-01&since=2016`);
    expect(await waitForView(page)).toBe('ready');
    const svg = (await download('top-organisations', 'svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        names: [...doc.querySelectorAll('[data-organisation]')].map((m) =>
          m.getAttribute('data-organisation'),
        ),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.names).toContain(SHOWN_ORG);
    const png = await download('top-organisations', 'png');
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(problems.errors).toEqual([]);
  });
});
