/**
 * The mailing-list figures on the dashboard's path below the browser: a generated project with a
 * list, collected by the real `barometer collect` → the Arrow export → duckdb-wasm (the same .wasm
 * the dashboard runs) → every metric of the registry, which must give exactly the rows DuckDB for
 * Node gives on the original database, under each filter the Review page offers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsOnDashboard, showsOnPage } from '../../../src/dashboard/data/view-data.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import type { DataManifest } from '../../../src/lib/db/wasm-manifest.ts';
import { MAIL_TABLES } from '../../../src/lib/metrics/mail-scope/mail-scope.ts';
import { metrics } from '../../../src/lib/metrics/registry.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import {
  collectListProject,
  generateListProject,
  type GeneratedList,
} from '../../collectors/mail/generated-list.ts';
import { params } from '../metrics/contributions-fixture.ts';
import { exportToWasm, type LoadedExport } from './export-to-wasm.ts';

describe('the mailing-list metrics over the Arrow export in duckdb-wasm', () => {
  let project: GeneratedList;
  let node: NodeDatabase;
  let wasm: Database;
  let manifest: DataManifest;
  let loaded: LoadedExport;

  beforeAll(async () => {
    project = generateListProject();
    node = await openNodeDatabase(await collectListProject(project));
    loaded = await exportToWasm(node, {
      project: 'listed',
      clock: () => new Date('2018-06-02T00:00:00Z'),
    });
    ({ manifest, wasm } = loaded);
  }, 120_000);
  afterAll(async () => {
    await node?.close();
    loaded?.close();
    project?.cleanup();
  });

  it('ships every table the mail metrics read, with its rows, and names the lists', () => {
    expect(manifest.lists).toEqual(['devel']);
    const rows = new Map(manifest.tables.map((t) => [t.name, t.rows]));
    expect(rows.get('messages')).toBe(project.counts.messages);
    for (const { name } of MAIL_TABLES) expect(rows.get(name), name).toBeGreaterThan(0);
    // The Review page's metrics run for this export, on the Review page only.
    const review = metrics.filter(showsOnPage(manifest, 'review')).map((m) => m.name);
    expect(review).toEqual([
      'review-flow',
      'mail-reviews-by-organisation',
      'mail-reviewers-by-year',
      'mail-reviewers',
      'mail-totals',
    ]);
    expect(metrics.filter(showsOnPage(manifest, 'overview')).map((m) => m.name)).not.toContain(
      'review-flow',
    );
    // A list whose changes were never merged or tagged still has its figures; one without
    // messages has none.
    const emptied = (names: string[]): DataManifest => ({
      ...manifest,
      tables: manifest.tables.map((t) => (names.includes(t.name) ? { ...t, rows: 0 } : t)),
    });
    const runs = (m: DataManifest) => metrics.filter(runsOnDashboard(m)).map((x) => x.name);
    expect(runs(emptied(['mail_change_commits', 'mail_review_tags']))).toContain('review-flow');
    expect(runs(emptied(['messages']))).not.toContain('review-flow');
  });

  it('gives the same rows on both engines for every metric, under every filter', async () => {
    const cases = [
      params('2018-06-01', { since: '2016-01-01' }),
      params('2018-06-01', { since: '2016-01-01', paths: ['tools'] }),
      params('2018-06-01', { since: '2017-01-01', paths: ['xen/arch/arm', 'docs'] }),
      params('2018-06-01', { since: '2016-01-01', lists: ['devel'], repositories: ['xen'] }),
      params('2018-06-01', { since: '2016-01-01', lists: ['elsewhere'] }),
      params('2017-03-15', { since: '2016-01-01', paths: ['tools'] }),
    ];
    let mailRows = 0;
    for (const p of cases) {
      for (const metric of metrics) {
        const expected = await metric.run(node, p);
        if (metric.dashboardPage === 'review') mailRows += expected.length;
        expect(await metric.run(wasm, p), `${metric.name} ${JSON.stringify(p)}`).toEqual(expected);
      }
    }
    expect(mailRows).toBeGreaterThan(150);
  });

  it('builds the same weather report on both engines, narrowed by path and list', async () => {
    for (const p of [
      { asOf: '2018-06-01', since: '2016-01-01' },
      { asOf: '2018-06-01', since: '2016-01-01', paths: ['tools'], lists: ['devel'] },
    ]) {
      const expected = await buildWeatherReport(node, p, { project: 'listed' });
      expect(expected.reviewFlow.length).toBe(3);
      expect(await buildWeatherReport(wasm, p, { project: 'listed' })).toEqual(expected);
    }
  });
});
