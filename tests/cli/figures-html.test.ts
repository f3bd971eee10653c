import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { renderHtmlReport } from '../../src/cli/figures/html-report.ts';
import { FIGURE_NAMES } from '../../src/lib/report/figure-name.ts';
import { sampleReport } from '../charts/sample-report.ts';
import { launchChromium } from '../helpers/chromium.ts';

const HOSTILE = `<img src=x onerror=alert(1)> & "q" ]]> <script>alert(2)</script>`;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-html-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the HTML report', () => {
  it('opens in Chromium with no console errors, figures inline and hostile names as text', async () => {
    const base = sampleReport({ rename: { Citrix: HOSTILE } });
    const report = { ...base, project: 'xen & <b>co</b>' };
    const html = await renderHtmlReport(report, { theme: 'light', source: 'xen.git' });
    const file = join(dir, 'weather.html');
    await writeFile(file, html);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:'))
        problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
    const facts = await page.evaluate(() => ({
      svgs: [...document.querySelectorAll('figure > svg[role="img"]')].map((s) =>
        s.getAttribute('data-figure'),
      ),
      images: document.querySelectorAll('img, script, b').length,
      title: document.title,
      heading: document.querySelector('h1')?.textContent,
      labels: [...document.querySelectorAll('svg title')].map((t) => t.textContent ?? ''),
      sentences: [...document.querySelectorAll('.sentence')].map((p) => p.textContent ?? ''),
      // What follows each sentence: the figures it supports, then the next sentence.
      order: [...document.querySelectorAll('main > *')].map((e) =>
        e.tagName === 'FIGURE' ? e.id : 'sentence',
      ),
      fontsLoaded: document.fonts.check('16px Inter'),
      width: document.querySelector('figure > svg')?.getBoundingClientRect().width ?? 0,
    }));
    expect(problems).toEqual([]);
    expect([...facts.svgs].sort()).toEqual([...FIGURE_NAMES].sort());
    expect(facts.images).toBe(0);
    expect(facts.title).toBe('Weather report: xen & <b>co</b>');
    expect(facts.heading).toBe('Weather report: xen & <b>co</b>');
    expect(facts.labels.some((t) => t.startsWith(`1. ${HOSTILE}: `))).toBe(true);
    // The top sentence names the hostile organisation, as text.
    expect(facts.sentences.some((t) => t.includes(HOSTILE))).toBe(true);
    expect(facts.order[0]).toBe('sentence');
    expect(facts.order.filter((e) => e !== 'sentence')).toHaveLength(FIGURE_NAMES.length);
    expect(facts.fontsLoaded).toBe(true);
    expect(facts.width).toBeGreaterThan(300);
    // Prints: every figure stays whole on a page.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
