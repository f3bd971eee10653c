/**
 * The named-view bench: a site made with `--view summit=asOf:…,since:…` opens that view from the
 * report computed with the site; measured against the obvious alternative, the same view on a site
 * without it (computed by duckdb-wasm in the browser), in the same run. Each load is a fresh
 * browser profile (cold cache), from navigation to the first chart and to every chart drawn.
 *
 * Default data: 50,000 generated commits (as the report bench makes them); `--db FILE` measures a
 * collected database instead (e.g. xen.git's).
 *
 * `npm run bench -- site-view [--db FILE] [--as-of YYYY-MM-DD] [--since YYYY] [--runs N]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { ensureDashboardBuild } from '../src/cli/dashboard-build.ts';
import { exportData } from '../src/cli/export-arrow.ts';
import { startStaticServer } from '../src/cli/static-server.ts';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { systemClock } from '../src/lib/effects.ts';
import { loadTime, median } from './dashboard.ts';
import { generateReportDatabase } from './report.ts';

/** The goal from the issue: a named view open in under 1 s. */
export const NAMED_VIEW_GOAL_MS = 1000;

/** Options of the named-view bench. */
interface SiteViewOptions {
  db: string | null;
  asOf: string;
  since: number;
  runs: number;
}

function parseArgs(args: string[]): SiteViewOptions {
  const options: SiteViewOptions = { db: null, asOf: '2018-06-01', since: 2011, runs: 5 };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--db') options.db = value;
    else if (flag === '--as-of') options.asOf = value;
    else if (flag === '--since') options.since = Number(value);
    else if (flag === '--runs') options.runs = Number(value);
    else
      throw new Error(`unknown option ${flag} (site-view bench: --db, --as-of, --since, --runs)`);
  }
  return options;
}

/** `npm run bench -- site-view ...`: prints both loads, their ratio and the load average. */
export async function runSiteViewBench(args: string[]): Promise<void> {
  const options = parseArgs(args);
  const dir = mkdtempSync(join(tmpdir(), 'barometer-bench-site-view-'));
  const browser = await launchChromium();
  try {
    const db = await openNodeDatabase(options.db ?? join(dir, 'bench.duckdb'), {
      readOnly: options.db !== null,
    });
    try {
      if (!options.db) await generateReportDatabase(db, 50_000);
      const view = {
        name: 'summit',
        asOf: options.asOf,
        since: `${options.since}-01-01`,
        top: 6,
        repositories: [],
        subprojects: [],
        areas: [],
        paths: [],
        kind: 'commits' as const,
        mode: 'counts' as const,
      };
      const started = performance.now();
      await exportData(db, join(dir, 'named'), {
        project: 'bench',
        clock: systemClock,
        views: [view],
      });
      const exportMs = performance.now() - started;
      await exportData(db, join(dir, 'plain'), { project: 'bench', clock: systemClock });
      console.log(`site-view bench: export with the named view ${(exportMs / 1000).toFixed(1)} s`);
    } finally {
      await db.close();
    }
    const dist = await ensureDashboardBuild({
      info: (m) => console.log(m),
      warn: (m) => console.warn(m),
      debug: () => {},
    });
    const serve = (data: string) =>
      startStaticServer(
        [
          { prefix: '/data/', dir: join(dir, data) },
          { prefix: '/', dir: dist },
        ],
        { port: 0 },
      );
    const named = await serve('named');
    const plain = await serve('plain');
    try {
      type Load = { first: number; all: number };
      const times: { named: Load[]; engine: Load[] } = { named: [], engine: [] };
      const load = async (url: string) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        try {
          return await loadTime(await context.newPage(), url);
        } finally {
          await context.close();
        }
      };
      for (let run = 0; run < options.runs; run++) {
        times.named.push(await load(`${named.url}?view=summit`));
        times.engine.push(await load(`${plain.url}?asOf=${options.asOf}&since=${options.since}`));
      }
      const row = (label: string, list: Array<{ first: number; all: number }>) => {
        const first = median(list.map((t) => t.first));
        const all = median(list.map((t) => t.all));
        console.log(
          `${label.padEnd(44)} first chart ${first.toFixed(0).padStart(5)} ms, all charts ${all.toFixed(0).padStart(5)} ms`,
        );
        return all;
      };
      console.log(
        `medians of ${options.runs} cold loads of the view as of ${options.asOf} since ${options.since} (load average ${loadavg()[0]!.toFixed(1)}):`,
      );
      const fast = row('named view, computed with the site', times.named);
      const slow = row('same view, computed in the browser (engine)', times.engine);
      console.log(
        `named view ${(slow / fast).toFixed(1)}× faster; goal < ${NAMED_VIEW_GOAL_MS} ms: ${fast < NAMED_VIEW_GOAL_MS ? 'ok' : 'OVER GOAL'}`,
      );
    } finally {
      await named.close();
      await plain.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: `node --import ./src/cli/register.js bench/site-view.ts [args]`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await runSiteViewBench(process.argv.slice(2));
}
