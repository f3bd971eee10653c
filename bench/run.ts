/**
 * `npm run bench [-- ARGS]`: a small dispatcher over the benches.
 *
 * - no arguments: every bench in turn (mining, report, dashboard, mail), each on its generated data;
 * - `npm run bench -- NAME ARGS`: one bench (`mine`, `report`, `dashboard`, `mail`, `code-size`,
 *   `parquet`, `jobs`, `site-view`) with its own arguments;
 * - anything else (`npm run bench -- PATH`, `-- --commits 20000`): the mining bench with those.
 *
 * Each bench is a module with one `run…(args)` function, so others can be added beside it.
 */
import { runCodeSizeBench } from './code-size.ts';
import { runDashboardBench } from './dashboard.ts';
import { runJobsBench } from './jobs.ts';
import { runMailBench } from './mail.ts';
import { runMineBench } from './mine.ts';
import { runParquetBench } from './parquet.ts';
import { runReportBench } from './report.ts';
import { runSiteViewBench } from './site-view.ts';

/** The benches by name, in the order a bare `npm run bench` runs them. */
const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  mine: runMineBench,
  report: runReportBench,
  dashboard: runDashboardBench,
  mail: runMailBench,
  'code-size': runCodeSizeBench,
  parquet: runParquetBench,
  jobs: runJobsBench,
  'site-view': runSiteViewBench,
};

const args = process.argv.slice(2);
const [first, ...rest] = args;
try {
  if (first === undefined) {
    for (const [name, bench] of Object.entries(BENCHES)) {
      console.log(`\n== bench: ${name} ==`);
      await bench([]);
    }
  } else if (first in BENCHES) {
    await BENCHES[first]!(rest);
  } else {
    await runMineBench(args);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
