/**
 * The dashboard end to end: a generated project's database, served by the real `barometer serve`,
 * driven in headless Chromium. Figures read from the page must equal the weather report DuckDB for
 * Node computes on the same database. One build, one server and one browser for the whole file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import type { MetricParams } from '../../src/lib/metrics/metric.ts';
import { organisationActivityByYear } from '../../src/lib/metrics/organisation-activity-by-year/organisation-activity-by-year.ts';
import { organisationPeople } from '../../src/lib/metrics/organisation-people/organisation-people.ts';
import { buildWeatherReport } from '../../src/lib/report/build-weather-report.ts';
import { renderCsv } from '../../src/lib/report/render-csv.ts';
import type { WeatherReport } from '../../src/lib/report/weather-report.ts';
import { params as metricParams } from '../lib/metrics/contributions-fixture.ts';
import { openDashboard, waitForView, type DashboardSession, type PageProblems } from './browser.ts';
import { HOSTILE_ORG, LONG_ORG, writeProjectDatabase } from './dashboard-fixture.ts';

const BASE = '?asOf=2018-06-01&since=2011';

let dir: string;
let session: DashboardSession;
let serve: DashboardSession['serve'];
let page: Page;
let problems: PageProblems;
let open: DashboardSession['open'];
let download: DashboardSession['download'];
const reports = new Map<string, WeatherReport>();
let dbPath: string;

/** The weather report DuckDB for Node computes for the same view. */
async function expected(view: Partial<MetricParams> = {}): Promise<WeatherReport> {
  const key = JSON.stringify(view);
  const known = reports.get(key);
  if (known) return known;
  const db = await openNodeDatabase(dbPath, { readOnly: true });
  try {
    const report = await buildWeatherReport(
      db,
      { asOf: '2018-06-01', since: '2011-01-01', ...view },
      { project: 'xen' },
    );
    reports.set(key, report);
    return report;
  } finally {
    await db.close();
  }
}

/** The bars of a year chart: `[year, value]` pairs read from the page. */
function yearBars(panel: string): Promise<Array<[number, number]>> {
  return page
    .locator(`[data-panel="${panel}"] svg [data-year][data-value]`)
    .evaluateAll((marks) =>
      marks.map((m) => [Number(m.getAttribute('data-year')), Number(m.getAttribute('data-value'))]),
    ) as Promise<Array<[number, number]>>;
}

/**
 * The sentences of the view open now and of its Areas page (who reviews whom, review bandwidth,
 * code and lines by area), reached by its tab: the report's sentences are on one or the other.
 * Leaves the Areas page open.
 */
async function sentencesOfBothPages(): Promise<string[]> {
  const read = async () => (await page.locator('.sentence').allTextContents()).map((s) => s.trim());
  const overview = await read();
  await page.locator('.tabs button[data-page="areas"]').click();
  expect(await waitForView(page)).toBe('ready');
  expect(new URL(page.url()).searchParams.get('page')).toBe('areas');
  return [...overview, ...(await read())];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'barometer-dashboard-'));
  dbPath = join(dir, 'xen.duckdb');
  await writeProjectDatabase(dbPath);
  await expected();
  session = await openDashboard(dbPath, dir);
  ({ serve, page, problems, open, download } = session);
});

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard in Chromium', () => {
  it('loads without console errors and draws the weather report, sentences beside their charts', async () => {
    expect(await open(BASE)).toBe('ready');
    const report = await expected();
    expect(await yearBars('commits-by-year')).toEqual(
      report.commitsByYear.map((r) => [r.year, r.commits]),
    );
    const ranked = await page
      .locator('[data-panel="top-organisations"] svg [data-organisation][data-value]')
      .evaluateAll((marks) =>
        marks.map((m) => [
          m.getAttribute('data-organisation'),
          Number(m.getAttribute('data-value')),
        ]),
      );
    expect(ranked).toEqual(
      report.topOrganisations.slice(0, 10).map((r) => [r.organisation, r.commits]),
    );
    // The area and review-structure figures are on their own page, not the overview.
    expect(await page.locator('[data-panel="who-reviews-whom"]').count()).toBe(0);
    expect(await page.locator('[data-panel="commits-by-year"]').count()).toBe(1);
    expect(
      await page.locator('.tabs button').evaluateAll((tabs) => tabs.map((t) => t.dataset.page)),
    ).toEqual(['overview', 'areas']);
    expect(await page.locator('.tabs [aria-current="page"]').getAttribute('data-page')).toBe(
      'overview',
    );
    expect(
      await page.locator('[data-panel="last-12-months"] .sentence').first().textContent(),
    ).toMatch(/^The top \d \(Citrix, .*\) made \d+% of the [\d,]+ commits\.$/);
    // The growth sentence sits in the commits-per-year panel.
    expect(
      await page.locator('[data-panel="commits-by-year"] .sentence').first().textContent(),
    ).toBe(report.sentences[0]);
    for (const svg of await page.locator('.panel svg[role="img"]').all()) {
      expect(await svg.locator('title').first().textContent()).not.toBe('');
      expect(await svg.locator('desc').first().textContent()).not.toBe('');
    }
    const descriptions = await page.locator('.panel .description').allTextContents();
    expect(descriptions.length).toBeGreaterThanOrEqual(9);
    expect(descriptions.every((d) => d.trim().length > 20)).toBe(true);
    const elephant = await page
      .locator('[data-panel="elephant-factor-by-year"] svg [data-year][data-value]')
      .evaluateAll((marks) => marks.map((m) => Number(m.getAttribute('data-year'))));
    expect(elephant).toEqual(report.elephantFactorByYear.map((r) => r.year));
    // Every sentence of the report once, on the overview or the Areas page, each in the panel of
    // the chart it speaks of; a panel no report sentence speaks for reads one off its own chart.
    const sentences = await sentencesOfBothPages();
    for (const sentence of report.sentences)
      expect(sentences.filter((s) => s === sentence)).toEqual([sentence]);
    expect(await page.locator('[data-panel="who-reviews-whom"]').count()).toBe(1);
    expect(await page.locator('[data-panel="commits-by-year"]').count()).toBe(0);
    expect(problems.errors).toEqual([]);
  });

  it('opens on the default view drawn from the report shipped with the export', async () => {
    const requested: string[] = [];
    const onRequest = (request: { url(): string }) =>
      requested.push(new URL(request.url()).pathname);
    page.on('request', onRequest);
    expect(await open('')).toBe('ready');
    page.off('request', onRequest);
    expect(requested).toContain('/data/report.json');
    // Defaults: as of the day after the last contribution, since ten years before, top 6.
    const db = await openNodeDatabase(dbPath, { readOnly: true });
    const [last] = await db.query<{ day: string }>(
      `SELECT strftime(CAST(max(time) AS DATE) + INTERVAL 1 DAY, '%Y-%m-%d') AS day FROM contributions`,
    );
    await db.close();
    expect(await page.locator('input[name="asOf"]').inputValue()).toBe(last!.day);
    // Since ten years before, or the first year with data when later (here 2009).
    expect(await page.locator('select[name="since"]').inputValue()).toBe('2009');
    expect(await page.locator('input[name="top"]').inputValue()).toBe('6');
    const report = await expected({ asOf: last!.day, since: '2009-01-01' });
    expect(await yearBars('commits-by-year')).toEqual(
      report.commitsByYear.map((r) => [r.year, r.commits]),
    );
    const sentences = await sentencesOfBothPages();
    for (const sentence of report.sentences) expect(sentences).toContain(sentence);
    // A change from there runs the metrics in the browser.
    await page.locator('.tabs button[data-page="overview"]').click();
    expect(await waitForView(page)).toBe('ready');
    await page.locator('select[name="since"]').selectOption('2011');
    expect(await waitForView(page)).toBe('ready');
    expect(await yearBars('commits-by-year')).toEqual(
      (await expected({ asOf: last!.day })).commitsByYear.map((r) => [r.year, r.commits]),
    );
    expect(problems.errors).toEqual([]);
  });

  it('changes every chart from the controls, keeps the view in the URL, and steps back and forward', async () => {
    expect(await open(BASE)).toBe('ready');
    await page.locator('input[name="paths"]').fill('xen/arch/arm/');
    await page.locator('input[name="paths"]').press('Enter');
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.getAll('path')).toEqual(['xen/arch/arm']);
    const arm = await expected({ paths: ['xen/arch/arm'] });
    expect(await yearBars('commits-by-year')).toEqual(
      arm.commitsByYear.map((r) => [r.year, r.commits]),
    );

    await page.locator('input[name="top"]').fill('3');
    await page.locator('input[name="top"]').press('Tab');
    expect(await waitForView(page)).toBe('ready');
    const layers = await page
      .locator('[data-panel="organisations-over-time"] svg [data-organisation][data-year]')
      .evaluateAll((marks) => [...new Set(marks.map((m) => m.getAttribute('data-organisation')))]);
    const top3 = (await expected({ paths: ['xen/arch/arm'], top: 3 })).topOrganisations
      .slice(0, 3)
      .map((r) => r.organisation);
    expect(new Set(layers)).toEqual(new Set([...top3, 'Other', 'Unknown']));

    await page.locator('input[name="kind"][value="reviews"]').check();
    expect(await waitForView(page)).toBe('ready');
    expect(await page.locator('#heading-commits-by-year').textContent()).toBe('Reviews per year');
    const reviewsPerYear = new Map<number, number>();
    for (const r of arm.reviewsByOrganisation)
      reviewsPerYear.set(r.year, (reviewsPerYear.get(r.year) ?? 0) + r.reviews);
    expect(await yearBars('commits-by-year')).toEqual(
      arm.commitsByYear.map((r) => [r.year, reviewsPerYear.get(r.year) ?? 0]),
    );
    expect(page.url()).toContain('kind=reviews');

    await page.goBack();
    expect(await waitForView(page)).toBe('ready');
    expect(await page.locator('#heading-commits-by-year').textContent()).toBe('Commits per year');
    expect(await page.locator('input[name="top"]').inputValue()).toBe('3');
    await page.goBack();
    await page.goBack();
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).search).toBe(BASE);
    expect(await yearBars('commits-by-year')).toEqual(
      (await expected()).commitsByYear.map((r) => [r.year, r.commits]),
    );
    await page.goForward();
    expect(await waitForView(page)).toBe('ready');
    expect(await yearBars('commits-by-year')).toEqual(
      arm.commitsByYear.map((r) => [r.year, r.commits]),
    );
    expect(problems.errors).toEqual([]);
  });

  it('opens a bookmarked view as it was shared', async () => {
    const search = `${BASE}&top=4&repo=xen&path=tools&mode=shares`;
    expect(await open(search)).toBe('ready');
    expect(await page.locator('input[name="top"]').inputValue()).toBe('4');
    expect(await page.locator('input[name="paths"]').inputValue()).toBe('tools');
    expect(await page.locator('input[name="repo"][value="xen"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="repo"][value="osstest"]').isChecked()).toBe(false);
    expect(await page.locator('input[name="mode"][value="shares"]').isChecked()).toBe(true);
    expect(await page.locator('select[name="since"]').inputValue()).toBe('2011');
    const report = await expected({ top: 4, repositories: ['xen'], paths: ['tools'] });
    expect(await yearBars('commits-by-year')).toEqual(
      report.commitsByYear.map((r) => [r.year, r.commits]),
    );
    expect(page.url()).toBe(`${serve.url}${search}`);
  });

  it('narrows every chart to an area, from its control and from the URL', async () => {
    expect(await open(BASE)).toBe('ready');
    expect(
      await page
        .locator('select[name="area"] option')
        .evaluateAll((options) => options.map((o) => o.textContent)),
    ).toEqual(['All areas', 'Arm', 'tools', 'x86']);
    await page.locator('select[name="area"]').selectOption('Arm');
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.getAll('area')).toEqual(['Arm']);
    const arm = await expected({ areas: ['Arm'] });
    expect(await yearBars('commits-by-year')).toEqual(
      arm.commitsByYear.map((r) => [r.year, r.commits]),
    );
    // Every sentence of the narrowed report once (a panel no report sentence speaks for reads one
    // off its own chart, as in the whole view), on the overview or the Areas page.
    const sentences = await sentencesOfBothPages();
    for (const sentence of arm.sentences)
      expect(sentences.filter((s) => s === sentence)).toEqual([sentence]);
    // Who reviews whom in the area, on the Areas page: every cell drawn is one of the report's.
    expect(new URL(page.url()).searchParams.getAll('area')).toEqual(['Arm']);
    const cells = await page
      .locator('[data-panel="who-reviews-whom"] svg [data-row][data-column][data-value]')
      .evaluateAll((marks) =>
        marks.map((m) => [m.getAttribute('data-row'), m.getAttribute('data-column')]),
      );
    expect(cells.length).toBeGreaterThan(0);
    const organisations = new Set(
      arm.reviewMatrix.flatMap((r) => [r.reviewerOrganisation, r.authorOrganisation]),
    );
    for (const [row, column] of cells) {
      expect(organisations.has(row!) || row === 'Other', row!).toBe(true);
      expect(organisations.has(column!) || column === 'Other', column!).toBe(true);
    }

    expect(await open(`${BASE}&area=x86`)).toBe('ready');
    expect(await page.locator('select[name="area"]').inputValue()).toBe('x86');
    expect(await yearBars('commits-by-year')).toEqual(
      (await expected({ areas: ['x86'] })).commitsByYear.map((r) => [r.year, r.commits]),
    );
    await page.locator('select[name="area"]').selectOption('');
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.has('area')).toBe(false);
    expect(problems.errors).toEqual([]);
  });

  it('downloads each chart as standalone SVG, PNG at 2× and the CSV of its rows', async () => {
    expect(await open(BASE)).toBe('ready');
    const report = await expected();
    const svg = (await download('commits-by-year', 'svg')).toString('utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('viewBox="0 0 1200 675"');
    expect(svg).toContain('<title');
    expect(svg).toContain('Commits per year');
    expect(svg).toContain('Source: xen, as of 1 June 2018');
    expect(svg).toContain('xen · 1 January 2011 – 31 May 2018');
    expect(svg).toMatch(/@font-face\{font-family:Inter;[^}]*src:url\(data:font\/woff2;base64,/);
    expect(svg).not.toContain('var(--bm-');
    // Well-formed XML, as a browser's own parser sees it.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        bars: [...doc.querySelectorAll('[data-year][data-value]')].map((m) =>
          Number(m.getAttribute('data-value')),
        ),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.bars).toEqual(report.commitsByYear.map((r) => r.commits));

    const png = await download('top-organisations', 'png');
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2400, 1350]);

    const csv = (await download('top-organisations', 'csv')).toString('utf8');
    expect(csv).toBe(renderCsv(report)['top-organisations.csv']);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"")"`);
    expect((await download('commits-by-year', 'csv')).toString('utf8')).toBe(
      renderCsv(report)['commits-by-year.csv'],
    );
    expect(problems.errors).toEqual([]);
  });

  it('shows hostile and very long organisation names as text and runs nothing', async () => {
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await open(`${BASE}&top=12`)).toBe('ready');
    const names = await page.locator('select[name="organisation"] option').allTextContents();
    expect(names).toContain(HOSTILE_ORG);
    expect(names).toContain(LONG_ORG);
    const marked = await page
      .locator('[data-panel="top-organisations"] svg [data-organisation]')
      .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-organisation')));
    expect(marked).toContain(HOSTILE_ORG);
    expect(await page.locator('img').count()).toBe(0);
    // Nothing wider than a blog's column: long names are cut in charts and wrap in text.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.locator('select[name="organisation"]').selectOption({ label: HOSTILE_ORG });
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.get('org')).toBe(HOSTILE_ORG);
    expect(await page.locator('#heading-organisation-people').textContent()).toBe(
      `${HOSTILE_ORG}: people`,
    );
    const people = await page
      .locator('[data-panel="organisation-people"] tbody td:first-child')
      .allTextContents();
    expect(people.map((p) => p.trim())).toContainEqual(
      expect.stringMatching(/^<script>alert\("name \d+"\)<\/script>$/),
    );
    expect(await page.locator('img, script:not([src])').count()).toBe(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("opens an organisation's page with its commits, reviews, people and repositories", async () => {
    expect(await open(BASE)).toBe('ready');
    await page.locator('select[name="organisation"]').selectOption('EPAM');
    expect(await waitForView(page)).toBe('ready');
    const db = await openNodeDatabase(dbPath, { readOnly: true });
    const p = metricParams('2018-06-01', { since: '2011-01-01', organisation: 'EPAM' });
    const activity = await organisationActivityByYear.run(db, p);
    const people = await organisationPeople.run(db, p);
    await db.close();
    // From its first year with a commit or a review on: no empty years before it arrived.
    const arrived = activity.slice(activity.findIndex((r) => r.commits + r.reviews > 0));
    expect(arrived.length).toBeLessThan(activity.length);
    expect(await yearBars('organisation-commits-by-year')).toEqual(
      arrived.map((r) => [r.year, r.commits]),
    );
    expect(await yearBars('organisation-reviews-by-year')).toEqual(
      arrived.map((r) => [r.year, r.reviews]),
    );
    const first = await page
      .locator('[data-panel="organisation-people"] tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    expect(first.map((c) => c.trim())).toEqual([
      people[0]!.name,
      people[0]!.person,
      people[0]!.commits.toLocaleString('en-US'),
      people[0]!.reviews.toLocaleString('en-US'),
    ]);
    expect(
      await page.locator('[data-panel="organisation-repositories"] tbody tr').count(),
    ).toBeGreaterThan(0);
    await page.locator('.picker button').click();
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.has('org')).toBe(false);
    expect(await page.locator('[data-panel="commits-by-year"]').count()).toBe(1);
  });

  it('shows exact figures on hover and from the keyboard', async () => {
    expect(await open(BASE)).toBe('ready');
    const bar = page.locator('[data-panel="commits-by-year"] svg [data-year="2015"]').first();
    await bar.hover();
    const title = (await bar.locator('title').textContent())!.trim();
    expect(title).toContain('2015');
    expect(
      (await page.locator('[data-panel="commits-by-year"] .tooltip').textContent())!.trim(),
    ).toBe(title);
    await page.locator('[data-panel="top-organisations"] .chart').focus();
    await page.keyboard.press('ArrowRight');
    const tip = (await page
      .locator('[data-panel="top-organisations"] .tooltip')
      .textContent())!.trim();
    expect(tip).toMatch(/^1\. Citrix: [\d,]+ commits, \d+% of all$/);
  });

  it('explains an as-of date before any data and offers the way back', async () => {
    expect(await open('?asOf=2001-01-01&since=1995')).toBe('failed');
    expect(await page.locator('.status h2').textContent()).toBe(
      'Nothing to count before this date',
    );
    expect(await page.locator('.panel').count()).toBe(0);
    await page.locator('.status button').click();
    expect(await waitForView(page)).toBe('ready');
    expect(await page.locator('[data-panel="commits-by-year"] svg').count()).toBe(1);
  });
});
