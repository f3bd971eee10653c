/**
 * Charts a speaker can put on a slide, in headless Chromium over a generated project served by the
 * real `barometer serve` (with a view named by `--view`): an organisation has one fill in every
 * view, page, theme and download; downloads state the view's filters; the reviews view's sentences
 * speak of reviews; on a 390 px phone no chart text is under 12 px and none runs out of its chart;
 * a named view opens from its shipped report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  startBarometer,
  waitForView,
  watchPage,
  type ServeProcess,
} from './browser.ts';
import { writeProjectDatabase } from './dashboard-fixture.ts';

const SUMMIT = '?asOf=2018-06-01&since=2011';

let dir: string;
let serve: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'barometer-slides-'));
  const db = join(dir, 'xen.duckdb');
  await writeProjectDatabase(db);
  serve = await startBarometer(
    ['serve', db, '--port', '0', '--view', 'summit=asOf:2018-06-01,since:2011'],
    dir,
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh page (own context) at `width` px, light or dark, opened on `search` and drawn. */
async function openPage(
  search: string,
  options: { width?: number; dark?: boolean; phone?: boolean } = {},
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.phone ? 844 : 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    acceptDownloads: true,
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const { errors } = watchPage(page);
  await page.goto(`${serve.url}${search}`);
  expect(await waitForView(page)).toBe('ready');
  return { page, errors, close: () => context.close() };
}

/** `rgb(0, 114, 178)` → `#0072b2`. */
function hex(colour: string): string {
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!rgb) return colour.toLowerCase();
  return `#${rgb
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Every organisation mark of the page's charts: its name and the fill of its first shape. */
async function organisationFills(page: Page): Promise<Array<[string, string]>> {
  const marks = await page
    .locator('.panel svg[role="img"] [data-organisation]')
    .evaluateAll((elements) =>
      elements.map((mark) => {
        const shape = mark.querySelector(':scope > rect, :scope > circle, :scope > path');
        return [
          mark.getAttribute('data-organisation') ?? '',
          shape ? getComputedStyle(shape).fill : '',
        ];
      }),
    );
  return marks.map(([name, fill]) => [name!, hex(fill!)]);
}

async function download(page: Page, panel: string, kind: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-panel="${panel}"] button[data-download="${kind}"]`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('charts a speaker can put on a slide', () => {
  it('gives an organisation one fill in two views, on its page, in both themes and in downloads', async () => {
    const fills = new Map<string, Set<string>>();
    const add = (pairs: Array<[string, string]>) => {
      for (const [name, fill] of pairs) {
        expect(name).not.toBe('');
        expect(fill).toMatch(/^#[0-9a-f]{6}$/);
        if (!fills.has(name)) fills.set(name, new Set());
        fills.get(name)!.add(fill);
      }
    };
    // Two views whose rankings differ (2016 under xen/arch/arm: Arm and AMD lead), then a page.
    for (const search of [
      SUMMIT,
      '?asOf=2016-06-01&since=2013&path=xen/arch/arm&mode=shares',
      `${SUMMIT}&org=EPAM`,
    ]) {
      const { page, errors, close } = await openPage(search);
      const pairs = await organisationFills(page);
      expect(pairs.length).toBeGreaterThan(5);
      add(pairs);
      if (search.includes('org=EPAM')) {
        // The organisation's page draws its bars in its colour, each bar named.
        const names = new Set(pairs.map(([name]) => name));
        expect(names).toEqual(new Set(['EPAM']));
      } else {
        // The downloaded SVG paints each organisation as the page does.
        const svg = (await download(page, 'top-organisations', 'svg')).bytes.toString('utf8');
        for (const match of svg.matchAll(
          /data-organisation="([^"]+)"[^>]*>(?:<title>[^<]*<\/title>)?(?:<text[^>]*>[^<]*<\/text>)?<rect[^>]*style="fill: (#[0-9a-f]{6})/g,
        )) {
          add([[match[1]!.replace(/&lt;/g, '<').replace(/&amp;/g, '&'), match[2]!]]);
        }
      }
      expect(errors).toEqual([]);
      await close();
    }
    const dark = await openPage(SUMMIT, { dark: true });
    add(await organisationFills(dark.page));
    await dark.close();
    for (const [name, colours] of fills)
      expect([name, [...colours]]).toEqual([name, [...colours].slice(0, 1)]);
    // The whole history's ranking hands out the palette: Citrix first, SUSE second.
    expect([...fills.get('Citrix')!]).toEqual(['#0072b2']);
    expect([...fills.get('SUSE')!]).toEqual(['#b5850a']);
    // Unknown and Other have their own greys.
    expect(fills.get('Unknown')?.size).toBe(1);
    expect([...fills.get('Unknown')!][0]).not.toBe([...(fills.get('Other') ?? ['x'])][0]);
  });

  it('states the path and the mode in the exported SVG, PNG and CSV', async () => {
    const { page, close } = await openPage(`${SUMMIT}&path=xen/arch/arm&mode=shares`);
    const svg = await download(page, 'organisations-over-time', 'svg');
    expect(svg.name).toBe(
      'xen-organisations-over-time-path-xen-arch-arm-shares-since-2011-as-of-2018-06-01.svg',
    );
    const text = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
      return [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    }, svg.bytes.toString('utf8'));
    expect(text).toContain('path xen/arch/arm');
    expect(text).toContain('shares of each year');
    expect(text).toContain('as of 1 June 2018');
    const png = await download(page, 'organisations-over-time', 'png');
    expect(png.name).toBe(
      'xen-organisations-over-time-path-xen-arch-arm-shares-since-2011-as-of-2018-06-01.png',
    );
    const csv = (await download(page, 'organisations-over-time', 'csv')).bytes.toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^# Commits by organisation/);
    expect(lines[1]).toContain('path xen/arch/arm · shares of each year');
    expect(lines[2]).toBe('"# Source: xen, as of 1 June 2018"');
    expect(lines[3]).toBe('year,organisation,commits,share_of_year');
    const shares = new Map<string, number>();
    for (const line of lines.slice(4).filter(Boolean)) {
      const cells = line.split(',');
      shares.set(cells[0]!, (shares.get(cells[0]!) ?? 0) + Number(cells.at(-1)));
    }
    for (const total of shares.values()) expect(total).toBeCloseTo(1, 6);
    await close();
  });

  it('speaks of reviews, not commits, beside the figures of the reviews view', async () => {
    const { page, errors, close } = await openPage(`${SUMMIT}&kind=reviews`);
    const panels = await page.locator('.panel').evaluateAll((sections) =>
      sections.map((section) => ({
        name: section.getAttribute('data-panel'),
        subtitle: [...section.querySelectorAll('svg .bm-subtitle')]
          .map((t) => t.textContent)
          .join(' '),
        sentences: [...section.querySelectorAll('.sentence')].map((p) => p.textContent ?? ''),
      })),
    );
    const reviewPanels = panels.filter((p) => / · reviews$/.test(p.subtitle));
    expect(reviewPanels.map((p) => p.name)).toEqual(
      expect.arrayContaining(['commits-by-year', 'organisations-over-time', 'top-organisations']),
    );
    // The figures that switch to reviews speak of them; none of the reviews figures (those that
    // always count reviews, such as who reviews each area, included) says "commits".
    const switched = ['commits-by-year', 'organisations-over-time', 'top-organisations'];
    for (const panel of reviewPanels) {
      if (switched.includes(panel.name!))
        expect(panel.sentences.length, panel.name!).toBeGreaterThan(0);
      for (const sentence of panel.sentences) expect(sentence, panel.name!).not.toMatch(/commit/i);
    }
    expect(panels.find((p) => p.name === 'commits-by-year')!.sentences[0]).toMatch(/^Reviews /);
    expect(errors).toEqual([]);
    await close();
  });

  it('at 390 px draws no chart text under 12 px and none outside its chart; a tap shows figures', async () => {
    for (const search of [SUMMIT, `${SUMMIT}&org=Citrix`]) {
      const { page, errors, close } = await openPage(search, { width: 390, phone: true });
      const texts = await page.locator('.panel svg[role="img"] text').count();
      expect(texts).toBeGreaterThan(search.includes('org=') ? 20 : 200);
      const problems = await page.locator('.panel svg[role="img"]').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
          const figure = svg.getAttribute('data-figure');
          return [...svg.querySelectorAll('text')].flatMap((text) => {
            const size = parseFloat(getComputedStyle(text).fontSize) * scale;
            const r = text.getBoundingClientRect();
            const out: string[] = [];
            if (size < 11.99) out.push(`${figure}: "${text.textContent}" at ${size.toFixed(1)} px`);
            if (
              r.width > 0 &&
              (r.left < box.left - 0.5 ||
                r.right > box.right + 0.5 ||
                r.top < box.top - 0.5 ||
                r.bottom > box.bottom + 0.5)
            )
              out.push(`${figure}: "${text.textContent}" runs out of its chart`);
            return out;
          });
        }),
      );
      expect(problems).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      if (!search.includes('org=')) {
        // The controls are folded; the first chart is on the first screen.
        expect(await page.locator('details.controls-drawer').getAttribute('open')).toBeNull();
        const top = await page
          .locator('.panel .chart')
          .first()
          .evaluate((c) => c.getBoundingClientRect().top);
        expect(top).toBeLessThan(844);
        // A tap shows a bar's exact figures; a second tap on it opens its page.
        const bar = page
          .locator('[data-panel="top-organisations"] svg [data-organisation="SUSE"] rect')
          .first();
        await bar.tap();
        expect(
          await page.locator('[data-panel="top-organisations"] .tooltip').textContent(),
        ).toMatch(/SUSE: [\d,]+ commits/);
        expect(new URL(page.url()).searchParams.has('org')).toBe(false);
        await bar.tap();
        expect(await waitForView(page)).toBe('ready');
        expect(new URL(page.url()).searchParams.get('org')).toBe('SUSE');
      }
      await close();
    }
  });

  it('opens a named view from its shipped report, and a view being computed shows so', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${serve.url}?view=summit`);
    expect(await waitForView(page)).toBe('ready');
    expect(requested).toContain('/data/views/summit.json');
    expect(await page.locator('input[name="asOf"]').inputValue()).toBe('2018-06-01');
    expect(await page.locator('select[name="since"]').inputValue()).toBe('2011');
    // The same figures as the same view computed in the browser.
    const bars = () =>
      page
        .locator('[data-panel="commits-by-year"] svg [data-year][data-value]')
        .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-value')));
    const shipped = await bars();
    await page.goto(`${serve.url}${SUMMIT}&top=7`);
    expect(await waitForView(page)).toBe('ready');
    expect(await bars()).toEqual(shipped);

    // Any other view shows a "computing" state and the places of its panels at once.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('[data-computing]'))
          document.documentElement.dataset.sawComputing = 'yes';
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${serve.url}?asOf=2017-03-01&since=2012`);
    expect(await waitForView(page)).toBe('ready');
    expect(await page.evaluate(() => document.documentElement.dataset.sawComputing)).toBe('yes');
    await context.close();
  });

  it('explains an as-of date before the data without offering a year before it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${serve.url}?asOf=1960-01-01&since=2016`);
    expect(await waitForView(page)).toBe('failed');
    expect(await page.locator('.status h2').textContent()).toBe(
      'Nothing to count before this date',
    );
    expect(await page.locator('.status').textContent()).not.toMatch(/1959|must be before/);
    await page.locator('.status button').click();
    expect(await waitForView(page)).toBe('ready');
    await context.close();
  });
});
