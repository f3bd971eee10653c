/**
 * The dashboard's path end to end below the browser: a Node database → the Arrow export →
 * duckdb-wasm (the same .wasm the dashboard runs) → every metric of the registry and the weather
 * report, which must give exactly the rows DuckDB for Node gives on the original database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORTED_TABLES } from '../../../src/lib/metrics/exported-tables.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { parseDataManifest, type DataManifest } from '../../../src/lib/db/wasm-manifest.ts';
import { scopedDatabase } from '../../../src/dashboard/data/scoped-database.ts';
import { rescopeMetricSql } from '../../../src/lib/metrics/compose-metric-sql.ts';
import { metrics, organisationMetrics } from '../../../src/lib/metrics/registry.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { fixtureDatabase, lateCommits, params } from '../metrics/contributions-fixture.ts';
import { generatedProject } from '../report/generated-project.ts';
import { exportToWasm, type LoadedExport } from './export-to-wasm.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('metrics over the Arrow export in duckdb-wasm', () => {
  let node: NodeDatabase;
  let wasm: Database;
  let manifest: DataManifest;
  let loaded: LoadedExport;

  beforeAll(async () => {
    const { commits, githubReviews } = generatedProject();
    commits.push(...lateCommits());
    commits.push({
      time: '2017-05-05T05:05:05Z',
      email: "o'brien@hostile.example",
      name: `O'Brien "; DROP TABLE commits; --`,
      organisation: HOSTILE,
      repositories: ['xen'],
      files: ['xen/arch/arm/it\'s "odd".c'],
    });
    node = await fixtureDatabase(commits, githubReviews);
    await node.exec(`
      INSERT INTO repositories VALUES
        ('xen', '/src/xen', 'main', 'abc', TIMESTAMP '2018-06-01 00:00:00'),
        ('osstest', '/src/osstest', 'main', NULL, NULL);
      INSERT INTO github_repositories VALUES
        ('xen-project/xen', 'https://api.example/repos/xen-project/xen', NULL, NULL, 'ok');
      INSERT INTO github_pull_requests VALUES
        ('xen-project/xen', 1, 'epam-dev', 'closed', 'First', 'main',
         TIMESTAMP '2018-01-02 10:00:00', TIMESTAMP '2018-01-05 10:00:00',
         TIMESTAMP '2018-01-04 10:00:00', TIMESTAMP '2018-01-04 10:00:00', 10, 2, 1),
        ('xen-project/xen', 2, NULL, 'open', '${HOSTILE}', 'main',
         TIMESTAMP '2018-03-02 10:00:00', TIMESTAMP '2018-03-05 10:00:00', NULL, NULL, NULL, NULL, NULL);
      INSERT INTO github_reviews VALUES
        (1, 'xen-project/xen', 1, 'maintainer', 'APPROVED', TIMESTAMP '2018-01-03 09:00:00');`);
    loaded = await exportToWasm(node, {
      project: 'xen',
      colours: { Citrix: '#1f77b4' },
      clock: () => new Date('2018-06-02T00:00:00Z'),
    });
    ({ manifest, wasm } = loaded);
  });
  afterAll(async () => {
    await node?.close();
    loaded?.close();
  });

  it('writes a manifest naming every table with its row count', async () => {
    const written = parseDataManifest(
      JSON.parse(readFileSync(join(loaded.dataDir, 'manifest.json'), 'utf8')),
    );
    expect(written).toEqual(manifest);
    expect(written.tables.map((t) => t.name)).toEqual(EXPORTED_TABLES.map((t) => t.name));
    expect(written).toMatchObject({
      project: 'xen',
      exportedAt: '2018-06-02T00:00:00.000Z',
      repositories: ['osstest', 'xen'],
      colours: { Citrix: '#1f77b4' },
    });
    const [span] = await node.query<{ first: string; last: string }>(
      `SELECT strftime(min(time), '%Y-%m-%d') AS first, strftime(max(time), '%Y-%m-%d') AS last FROM contributions`,
    );
    expect(written.dataFrom).toBe(span!.first);
    // The day after the last contribution: the as-of date that counts everything.
    expect(new Date(`${written.dataUntil}T00:00:00Z`).getTime()).toBe(
      new Date(`${span!.last}T00:00:00Z`).getTime() + 86_400_000,
    );
    for (const table of written.tables) {
      const [{ n }] = (await node.query(`SELECT count(*) AS n FROM ${table.name}`)) as [
        { n: number },
      ];
      expect(table.rows, table.name).toBe(n);
    }
    expect(written.tables.find((t) => t.name === 'github_pull_commits')?.rows).toBe(0);
  });

  it('gives every exported column the type it has in the Node database', async () => {
    for (const { name, columns } of EXPORTED_TABLES) {
      const sql = `SELECT column_name, data_type FROM information_schema.columns
                   WHERE table_name = '${name}' ORDER BY ordinal_position`;
      const inNode = await node.query<{ column_name: string }>(sql);
      const exported = columns ? inNode.filter((c) => columns.includes(c.column_name)) : inNode;
      expect(await wasm.query(sql), name).toEqual(exported);
    }
  });

  it('gives the same rows on both engines for every metric of the registry', async () => {
    const cases = [
      params('2018-06-01', { since: '2011-01-01', organisation: 'EPAM' }),
      params('2018-06-01', { since: '2009-01-01', top: 3, organisation: HOSTILE }),
      params('2017-03-01', { paths: ['xen/arch/arm'], repositories: ['xen'], organisation: 'Arm' }),
      params('2009-02-01', { since: '2000-01-01', repositories: ['osstest'] }),
      // The late commits count as of August only.
      params('2018-08-01', {
        since: '2017-01-01',
        paths: ['xen/arch/arm', 'tools'],
        organisation: 'Newcomer',
      }),
      params('2018-06-01', { since: '2011-01-01', areas: ['Arm'], organisation: 'EPAM' }),
      params('2018-06-01', { areas: ['x86', 'tools'], paths: ['xen'], repositories: ['xen'] }),
    ];
    let nonEmpty = 0;
    for (const p of cases) {
      for (const metric of [...metrics, ...organisationMetrics]) {
        const expected = await metric.run(node, p);
        if (expected.length > 0) nonEmpty++;
        expect(await metric.run(wasm, p), `${metric.name} ${JSON.stringify(p)}`).toEqual(expected);
      }
    }
    expect(nonEmpty).toBeGreaterThan(60);
  }, 300_000); // every metric on both engines, for several views: minutes on a busy machine

  it('gives the same rows when the dashboard keeps each filter set as a table', async () => {
    // Two tables kept at most, so the third filter set drops the first and a later run remakes it.
    const scoped = scopedDatabase(wasm, 2);
    const cases = [
      params('2018-06-01', { since: '2011-01-01', organisation: 'EPAM' }),
      params('2017-03-01', { paths: ['xen/arch/arm'], repositories: ['xen'], organisation: 'Arm' }),
      params('2009-02-01', { since: '2000-01-01', repositories: ['osstest'] }),
      params('2018-06-01', { paths: ['tools', 'xen/arch/arm/'], organisation: HOSTILE }),
      params('2016-06-01', { paths: ['xen/arch/arm'], repositories: ['xen'], organisation: 'Arm' }),
      params('2018-06-01', { since: '2011-01-01', areas: ['Arm'], organisation: 'EPAM' }),
      params('2017-06-01', { areas: ['x86', 'tools'], paths: ['xen'], organisation: 'SUSE' }),
    ];
    let nonEmpty = 0;
    for (const p of cases) {
      for (const metric of [...metrics, ...organisationMetrics]) {
        const expected = await metric.run(node, p);
        if (expected.length > 0) nonEmpty++;
        expect(await metric.run(scoped, p), `${metric.name} ${JSON.stringify(p)}`).toEqual(
          expected,
        );
      }
    }
    expect(nonEmpty).toBeGreaterThan(60);
    const kept = await wasm.query<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE temporary ORDER BY table_name`,
    );
    expect(kept.filter((t) => t.name.startsWith('barometer_scoped_')).map((t) => t.name)).toEqual([
      'barometer_scoped_5',
      'barometer_scoped_6',
    ]);
    // One `bounds` row kept per view (seven views).
    expect(kept.filter((t) => t.name.startsWith('barometer_bounds_'))).toHaveLength(7);
    // What is not a composed metric passes through unchanged.
    expect(rescopeMetricSql('SELECT count(*) FROM contributions', 'contributions')).toBeNull();
    expect(await scoped.query('SELECT count(*) AS n FROM contributions', {})).toEqual(
      await node.query('SELECT count(*) AS n FROM contributions'),
    );
  });

  it("ships the default view's report exactly as duckdb-wasm computes it over the export", async () => {
    // Since ten years before the last day, or the first year with data (2009) when later.
    expect(manifest.defaultView).toEqual({ asOf: manifest.dataUntil, since: '2009-01-01', top: 6 });
    expect(manifest.report).toBe('report.json');
    const shipped = JSON.parse(readFileSync(join(loaded.dataDir, 'report.json'), 'utf8'));
    const computed = await buildWeatherReport(wasm, manifest.defaultView!, { project: 'xen' });
    expect(shipped).toEqual(JSON.parse(JSON.stringify(computed)));
    expect(shipped.sentences.length).toBeGreaterThan(2);
  });

  it('builds the same weather report on both engines', async () => {
    const options = { project: 'xen', clock: () => new Date('2018-06-01T00:00:00Z') };
    for (const p of [{ since: '2011-01-01' }, { paths: ['tools'], top: 3 }, { areas: ['Arm'] }]) {
      const expected = await buildWeatherReport(node, p, options);
      expect(expected.sentences.length).toBeGreaterThan(2);
      expect(await buildWeatherReport(wasm, p, options)).toEqual(expected);
    }
  });

  it('builds the same report when every metric is asked for at once, as the dashboard does', async () => {
    const options = { project: 'xen', clock: () => new Date('2018-06-01T00:00:00Z') };
    for (const p of [
      { since: '2011-01-01' },
      { paths: ['tools'], repositories: ['xen'] },
      { areas: ['x86'], repositories: ['xen'] },
    ]) {
      const expected = await buildWeatherReport(node, p, options);
      const scoped = scopedDatabase(wasm);
      expect(await buildWeatherReport(scoped, p, { ...options, parallel: true })).toEqual(expected);
    }
  });
});
