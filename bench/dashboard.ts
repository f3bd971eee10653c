/**
 * The dashboard bench: exports a database (default: 50,000 generated commits, as the report bench
 * makes them; or `--db FILE`, e.g. one collected from xen-project/xen), serves it with the built
 * dashboard and measures in headless Chromium:
 *
 * - cold load: a fresh browser profile (empty cache) from navigation to the first chart and to
 *   every chart drawn — the default view (drawn from the report shipped with the export) and
 *   another view (computed by duckdb-wasm, so after the engine has started and loaded the data);
 * - warm load: the default view again, from the HTTP cache;
 * - a control change redrawn: top N, path prefix, commits/reviews, as-of date, area, each from the
 *   change event to every chart of the new view drawn, once the page's engines hold the data and
 *   have warmed up (`barometer:engines-ready`, a few seconds after the page opens).
 *
 * Goals from the issue: cold load under 2 s, a control change under 200 ms, at 50,000 commits.
 *
 * `npm run bench -- dashboard [--commits N] [--runs N] [--db FILE] [--as-of YYYY-MM-DD] [--area NAME]`
 * (the area chosen for the area change; default: the export's first, none without areas)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { ensureDashboardBuild } from '../src/cli/dashboard-build.ts';
import { exportData } from '../src/cli/export-arrow.ts';
import { startStaticServer } from '../src/cli/static-server.ts';
import { openNodeDatabase, type NodeDatabase } from '../src/lib/db/node.ts';
import { systemClock } from '../src/lib/effects.ts';
import { generateReportDatabase } from './report.ts';

/** Goals from the issue, in milliseconds. */
export const COLD_LOAD_GOAL_MS = 2000;
export const REDRAW_GOAL_MS = 200;

/** Options of the dashboard bench. */
export interface DashboardBenchOptions {
  commits: number;
  runs: number;
  db: string | null;
  asOf: string;
  area: string | null;
}

/** Parses `--commits N`, `--runs N`, `--db FILE`, `--as-of DAY`, `--area NAME`. */
export function parseDashboardBenchArgs(args: string[]): DashboardBenchOptions {
  const options: DashboardBenchOptions = {
    commits: 50_000,
    runs: 5,
    db: null,
    asOf: '2018-06-01',
    area: null,
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--commits') options.commits = Number(value);
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--db') options.db = value;
    else if (flag === '--as-of') options.asOf = value;
    else if (flag === '--area') options.area = value;
    else
      throw new Error(
        `unknown option ${flag} (dashboard bench: --commits N, --runs N, --db FILE, --as-of DAY, --area NAME)`,
      );
  }
  if (!Number.isInteger(options.commits) || options.commits < 1)
    throw new Error('--commits must be a whole number');
  if (!Number.isInteger(options.runs) || options.runs < 1)
    throw new Error('--runs must be a whole number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new Error('--as-of must be YYYY-MM-DD');
  return options;
}

/** The median of `values`. */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds from navigation start to the first chart and to the whole first view drawn. */
export async function loadTime(page: Page, url: string): Promise<{ first: number; all: number }> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', undefined, {
    timeout: 120_000,
  });
  const [first, all] = (await page.evaluate(
    `['barometer:first-chart', 'barometer:first-view'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN)`,
  )) as [number, number];
  return { first, all };
}

/**
 * Milliseconds from a control's change event to the first chart and to every chart of the new view
 * drawn (measured inside the page, so the bench's own round trips do not count).
 */
function redrawTime(
  page: Page,
  selector: string,
  value: string | boolean,
): Promise<{ first: number; all: number }> {
  // A string, not a function: the TypeScript loader's helpers do not exist inside the page.
  const script = `new Promise((resolve, reject) => {
    const input = document.querySelector(${JSON.stringify(selector)});
    if (!input) return reject(new Error('no ' + ${JSON.stringify(selector)}));
    const value = ${JSON.stringify(value)};
    const before = location.search;
    const started = performance.now();
    let first = NaN;
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    requestAnimationFrame(function poll() {
      const root = document.documentElement.dataset;
      const now = location.search !== before && location.search;
      if (now && Number.isNaN(first) && root.first === now) first = performance.now() - started;
      if (now && root.view === now && root.state === 'ready') {
        const all = performance.now() - started;
        resolve({ first: Number.isNaN(first) ? all : first, all });
      } else if (performance.now() - started > 60000) {
        reject(new Error('no redraw after 60 s: ' + JSON.stringify({ before, now: location.search, ...root })));
      } else requestAnimationFrame(poll);
    });
  })`;
  return page.evaluate(script) as Promise<{ first: number; all: number }>;
}

/** `npm run bench -- dashboard ...`: prints each measurement against its goal. */
export async function runDashboardBench(args: string[]): Promise<void> {
  const options = parseDashboardBenchArgs(args);
  const dir = mkdtempSync(join(tmpdir(), 'barometer-bench-dashboard-'));
  let db: NodeDatabase | undefined;
  // Launched as every browser test launches it: one set of Chromium flags for the project.
  const browser = await launchChromium();
  try {
    if (options.db) {
      db = await openNodeDatabase(options.db, { readOnly: true });
    } else {
      db = await openNodeDatabase(join(dir, 'bench.duckdb'));
      await generateReportDatabase(db, options.commits);
    }
    const [counts] = await db.query<{ commits: number; reviews: number }>(
      `SELECT count(*) FILTER (WHERE kind = 'commit') AS commits,
              count(*) FILTER (WHERE kind = 'review') AS reviews FROM contributions`,
    );
    const started = performance.now();
    const manifest = await exportData(db, join(dir, 'data'), {
      project: 'bench',
      clock: systemClock,
    });
    const exportMs = performance.now() - started;
    await db.close();
    db = undefined;
    const bytes = manifest.tables.reduce((sum, t) => sum + t.bytes, 0);
    console.log(
      `dashboard bench: ${counts!.commits.toLocaleString('en-US')} commits, ${counts!.reviews.toLocaleString('en-US')} reviews; ` +
        `export ${(exportMs / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB of Arrow`,
    );
    const dist = await ensureDashboardBuild({
      info: (m) => console.log(m),
      warn: (m) => console.warn(m),
      debug: () => {},
    });
    const server = await startStaticServer(
      [
        { prefix: '/data/', dir: join(dir, 'data') },
        { prefix: '/', dir: dist },
      ],
      { port: 0 },
    );
    try {
      const engineUrl = `${server.url}?asOf=${options.asOf}&since=${Number(options.asOf.slice(0, 4)) - 5}`;
      const cold: Array<{ first: number; all: number }> = [];
      const coldEngine: Array<{ first: number; all: number }> = [];
      const warm: Array<{ first: number; all: number }> = [];
      const redraws: Record<string, Array<{ first: number; all: number }>> = {};
      const newPage = async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        page.on('crash', () => console.error('the page crashed'));
        page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
        return { context, page };
      };
      for (let run = 0; run < options.runs; run++) {
        const { context, page } = await newPage();
        cold.push(await loadTime(page, server.url));
        warm.push(await loadTime(page, server.url));
        // Redraws are timed once the engines hold the data (the page starts the second once its
        // first view is drawn; a control used earlier waits for the first).
        await page.waitForFunction(
          () => performance.getEntriesByName('barometer:engines-ready').length > 0,
          undefined,
          { timeout: 120_000 },
        );
        const earlier = `${Number(options.asOf.slice(0, 4)) - 1}${options.asOf.slice(4)}`;
        const changes: Array<[string, string, string | boolean]> = [
          ['as-of ' + options.asOf, 'input[name="asOf"]', options.asOf],
          ['top N 6 → 8', 'input[name="top"]', '8'],
          ['path prefix xen/arch/arm', 'input[name="paths"]', 'xen/arch/arm'],
          ['commits → reviews', 'input[name="kind"][value="reviews"]', true],
          ['as-of a year earlier', 'input[name="asOf"]', earlier],
        ];
        const area = options.area ?? manifest.areas[0];
        if (area) {
          changes.push(
            ['path prefix cleared', 'input[name="paths"]', ''],
            [`area ${area.slice(0, 26)}`, 'select[name="area"]', area],
          );
        }
        for (const [label, selector, value] of changes) {
          (redraws[label] ??= []).push(await redrawTime(page, selector, value));
        }
        await context.close();
        const fresh = await newPage();
        coldEngine.push(await loadTime(fresh.page, engineUrl));
        await fresh.context.close();
      }
      const verdict = (ms: number, goal: number) => (ms < goal ? 'ok' : 'OVER GOAL');
      const row = (label: string, times: Array<{ first: number; all: number }>, goal?: number) => {
        const first = median(times.map((t) => t.first));
        const all = median(times.map((t) => t.all));
        console.log(
          `${label.padEnd(34)} first chart ${first.toFixed(0).padStart(5)} ms, all charts ${all.toFixed(0).padStart(5)} ms` +
            (goal
              ? `  goal < ${goal} ms: first ${verdict(first, goal)}, all ${verdict(all, goal)}`
              : ''),
        );
      };
      console.log(`medians of ${options.runs} runs (fresh browser profile each):`);
      row('cold load, default view', cold, COLD_LOAD_GOAL_MS);
      row('warm load, default view', warm);
      row('cold load, other view (engine)', coldEngine, COLD_LOAD_GOAL_MS);
      for (const [label, times] of Object.entries(redraws))
        row(`redraw: ${label}`, times, REDRAW_GOAL_MS);
    } finally {
      await server.close();
    }
  } finally {
    await db?.close();
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: `node --import ./src/cli/register.js bench/dashboard.ts [args]`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await runDashboardBench(process.argv.slice(2));
}
