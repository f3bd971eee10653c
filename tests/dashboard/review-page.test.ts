/**
 * The dashboard's Review page end to end: a generated project with a mailing list, collected by
 * the real `barometer collect`, served by the real `barometer serve` and driven in headless
 * Chromium. The figures read from the page must equal the weather report DuckDB for Node computes
 * on the same database, under the path, list and quarter controls; downloads work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import type { MetricParams } from '../../src/lib/metrics/metric.ts';
import { buildWeatherReport } from '../../src/lib/report/build-weather-report.ts';
import type { WeatherReport } from '../../src/lib/report/weather-report.ts';
import {
  collectListProject,
  generateListProject,
  HOSTILE_NAME,
  type GeneratedList,
} from '../collectors/mail/generated-list.ts';
import { openDashboard, waitForView, type DashboardSession, type PageProblems } from './browser.ts';

const REVIEW = '?asOf=2018-06-01&since=2016&page=review';
const FIGURES = [
  'mail-changes',
  'mail-review-shares',
  'mail-days-to-first-review',
  'mail-days-to-merge',
  'mail-versions',
  'mail-reviews-by-organisation',
  'mail-reviewers-for-half',
];

let project: GeneratedList;
let dbPath: string;
let session: DashboardSession;
let page: Page;
let problems: PageProblems;
let open: DashboardSession['open'];
let download: DashboardSession['download'];

/** The weather report DuckDB for Node computes for the same view. */
async function expected(view: Partial<MetricParams> = {}): Promise<WeatherReport> {
  const db = await openNodeDatabase(dbPath, { readOnly: true });
  try {
    return await buildWeatherReport(
      db,
      { asOf: '2018-06-01', since: '2016-01-01', ...view },
      { project: 'listed' },
    );
  } finally {
    await db.close();
  }
}

/** The marks of a panel's chart: `[year (or quarter position), value]`, or with the line's name. */
function marks(panel: string, attribute = 'data-year'): Promise<Array<[string, number]>> {
  return page
    .locator(`[data-panel="${panel}"] svg [${attribute}][data-value]`)
    .evaluateAll(
      (found, name) =>
        found.map((m) => [
          `${m.getAttribute('data-name') ?? ''}${m.getAttribute(name)}`,
          Number(m.getAttribute('data-value')),
        ]),
      attribute,
    ) as Promise<Array<[string, number]>>;
}

/** Marks in a stable order, to compare with rows built in another order. */
const sorted = (rows: Array<Array<string | number | null>>) =>
  [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** The changes posted per year of the report, as the bars carry them. */
const changesPerYear = (report: WeatherReport) =>
  report.reviewFlow.map((r) => [String(r.year), r.changes]);

beforeAll(async () => {
  project = generateListProject();
  dbPath = await collectListProject(project);
  session = await openDashboard(dbPath, project.root);
  ({ page, problems, open, download } = session);
});

afterAll(async () => {
  await session?.close();
  project?.cleanup();
});

describe('the Review page in Chromium', () => {
  it('draws the review flow of the generated list as DuckDB for Node computes it', async () => {
    expect(await open(REVIEW)).toBe('ready');
    const report = await expected();
    const panels = await page
      .locator('[data-review-page] [data-panel]')
      .evaluateAll((found) => found.map((p) => p.getAttribute('data-panel')));
    expect(panels).toEqual([...FIGURES, 'mail-reviewers']);
    // No overview chart on this page, and the tab says where we are.
    expect(await page.locator('[data-panel="commits-by-year"]').count()).toBe(0);
    expect(await page.locator('.tabs [aria-current="page"]').getAttribute('data-page')).toBe(
      'review',
    );
    expect(await marks('mail-changes')).toEqual(changesPerYear(report));
    expect(sorted(await marks('mail-days-to-first-review'))).toEqual(
      sorted(
        report.reviewFlowByPeriod
          .filter((r) => r.quarter === null)
          .flatMap((r) => [
            [`median${r.year}`, r.medianDaysToFirstReview],
            [`75th percentile${r.year}`, r.p75DaysToFirstReview],
          ]),
      ),
    );
    expect(await marks('mail-reviewers-for-half')).toEqual(
      report.mailReviewersByYear.map((r) => [String(r.year), r.halfReviewers]),
    );
    const stacked = await page
      .locator('[data-panel="mail-reviews-by-organisation"] svg [data-organisation][data-value]')
      .evaluateAll((found) => found.map((m) => m.getAttribute('data-organisation')));
    expect(stacked).toContain(HOSTILE_NAME);
    // Sentences beside the figures they speak of; what the lists hold, in a line.
    const mailSentences = report.sentences.filter((s) => /changes posted|mailing lists/.test(s));
    expect(mailSentences).toHaveLength(3);
    // Each once; a panel no report sentence speaks for reads one off its own chart.
    const shown = (await page.locator('[data-review-page] .sentence').allTextContents()).map((s) =>
      s.trim(),
    );
    for (const sentence of mailSentences)
      expect(shown.filter((s) => s === sentence)).toEqual([sentence]);
    expect(
      await page.locator('[data-panel="mail-days-to-first-review"] .sentence').textContent(),
    ).toBe(mailSentences[0]);
    expect(await page.locator('[data-mail-summary]').textContent()).toBe(
      `Before 1 June 2018 the lists held ${report.mail.messages} messages: ${report.mail.patchMessages} patches in ${report.mail.changes} changes, ${report.mail.reviewMessages} review messages and ${report.mail.reviewTags} review tags.`,
    );
    // Names from the data are text: the hostile reviewer's name shows as its characters.
    const cells = await page.locator('[data-panel="mail-reviewers"] td').allTextContents();
    expect(cells.map((c) => c.trim())).toContain(HOSTILE_NAME);
    expect(await page.locator('[data-review-page] img').count()).toBe(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it('narrows every chart by path and by list, and draws quarters when asked', async () => {
    expect(await open(REVIEW)).toBe('ready');
    const all = await marks('mail-changes');
    await page.locator('input[name="paths"]').fill('tools');
    await page.locator('input[name="paths"]').press('Enter');
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.get('page')).toBe('review');
    const tools = await expected({ paths: ['tools'] });
    expect(await marks('mail-changes')).toEqual(changesPerYear(tools));
    expect(await marks('mail-changes')).not.toEqual(all);
    expect(await marks('mail-reviewers-for-half')).toEqual(
      tools.mailReviewersByYear.map((r) => [String(r.year), r.halfReviewers]),
    );
    expect(await page.locator('[data-mail-summary]').textContent()).toContain(
      `in ${tools.mail.changes} changes`,
    );

    await page.locator('input[name="period"][value="quarters"]').check();
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.get('period')).toBe('quarters');
    const quarters = tools.reviewFlowByPeriod.filter((r) => r.quarter !== null);
    expect(sorted(await marks('mail-review-shares', 'data-period'))).toEqual(
      sorted(
        quarters.flatMap((r) => [
          [`reviewed${r.year} Q${r.quarter}`, (100 * r.reviewed) / r.changes],
          [`merged${r.year} Q${r.quarter}`, (100 * r.merged) / r.changes],
          ...(r.answerable > 0
            ? [[`no review in 30 days${r.year} Q${r.quarter}`, (100 * r.unanswered) / r.answerable]]
            : []),
        ]),
      ),
    );
    expect(await page.locator('[data-panel="mail-changes"] svg [data-value]').count()).toBe(
      quarters.length,
    );

    // A list filter comes from the address (one list: no boxes to tick); an unknown list has nothing.
    expect(await open(`${REVIEW}&list=devel`)).toBe('ready');
    expect(await marks('mail-changes')).toEqual(all);
    expect(await open(`${REVIEW}&list=nowhere`)).toBe('ready');
    expect(await marks('mail-changes')).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it('downloads each figure as SVG, PNG and CSV, and the reviewers as CSV', async () => {
    expect(await open(REVIEW)).toBe('ready');
    const svg = (await download('mail-days-to-merge', 'svg')).toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*role="img"/);
    expect(svg).toContain('data-figure="mail-days-to-merge"');
    expect(svg).toContain('Days from posting to merge, by year of posting');
    const png = await download('mail-reviews-by-organisation', 'png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
    const csv = (await download('mail-changes', 'csv')).toString('utf8');
    // It starts with where it came from (title, subtitle, source), then the rows.
    expect(csv.split('\r\n')[0]).toBe('# Changes posted on the mailing lists per year');
    const rows = csv.split('\r\n').filter((line) => line !== '' && !/^"?#/.test(line));
    expect(rows[0]).toBe(
      'year,quarter,changes,reviewed,merged,unanswered_30_days,posted_30_days_before,median_days_to_first_review,p75_days_to_first_review,median_days_to_merge,p75_days_to_merge,mean_versions,two_or_more_versions,three_or_more_versions',
    );
    const report = await expected();
    expect(rows).toHaveLength(1 + report.reviewFlowByPeriod.length);
    const reviewers = (await download('mail-reviewers', 'csv')).toString('utf8');
    expect(reviewers.split('\r\n')[0]).toBe('person,name,organisation,reviews,tags');
    expect(reviewers).toMatch(
      /\r\nx@hostile\.example,[^,]*,<img src=x onerror=alert\(1\)>,\d+,\d+\r\n/,
    );
    expect(problems.errors).toEqual([]);
  });

  it('goes between the overview and the Review page by its tabs', async () => {
    expect(await open('?asOf=2018-06-01&since=2016')).toBe('ready');
    expect(await page.locator('[data-panel="commits-by-year"]').count()).toBe(1);
    expect(await page.locator('[data-panel^="mail-"]').count()).toBe(0);
    await page.locator('.tabs button[data-page="review"]').click();
    expect(await waitForView(page)).toBe('ready');
    expect(new URL(page.url()).searchParams.get('page')).toBe('review');
    expect(await page.locator('[data-panel="mail-changes"]').count()).toBe(1);
    await page.goBack();
    expect(await waitForView(page)).toBe('ready');
    expect(await page.locator('[data-panel="commits-by-year"]').count()).toBe(1);
    expect(problems.errors).toEqual([]);
  });
});
