import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { wasmDatabase } from '../../../src/lib/db/wasm.ts';
import { metrics, organisationMetrics } from '../../../src/lib/metrics/registry.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { openWasmEngine } from '../db/wasm-engine.ts';
import { generatedProject } from '../report/generated-project.ts';
import { fixtureDatabase, insertFixture, lateCommits, params } from './contributions-fixture.ts';

describe('metrics on both engines', () => {
  let node: NodeDatabase;
  let wasm: Database;
  let closeEngine: () => void;

  beforeAll(async () => {
    const { commits, githubReviews } = generatedProject();
    commits.push(...lateCommits());
    node = await fixtureDatabase(commits, githubReviews);
    const engine = await openWasmEngine();
    closeEngine = engine.close;
    wasm = wasmDatabase(engine.connection);
    await ensureSchema(wasm);
    await insertFixture(wasm, commits, githubReviews);
  });
  afterAll(async () => {
    await node?.close();
    closeEngine?.();
  });

  it('gives the same rows from DuckDB for Node and duckdb-wasm for every metric', async () => {
    const cases = [
      params('2018-06-01', { since: '2011-01-01', organisation: 'EPAM' }),
      params('2017-03-01', { paths: ['xen/arch/arm'], repositories: ['xen'], organisation: 'Arm' }),
      // The late commits count as of August only.
      params('2018-08-01', { since: '2017-01-01', organisation: 'Newcomer' }),
      params('2018-06-01', { since: '2011-01-01', areas: ['Arm'], organisation: 'Citrix' }),
      params('2018-06-01', { areas: ['x86', 'tools'], paths: ['xen'], repositories: ['xen'] }),
    ];
    for (const p of cases) {
      for (const metric of [...metrics, ...organisationMetrics]) {
        const expected = await metric.run(node, p);
        // In the first case every metric has rows, but those reading tables of their own (pull
        // requests, mailing lists, code size), which the generated project lacks.
        if (p === cases[0] && !('tables' in metric && metric.tables.length > 0)) {
          expect(expected.length, metric.name).toBeGreaterThan(0);
        }
        expect(await metric.run(wasm, p), metric.name).toEqual(expected);
      }
    }
  });

  it('builds the same weather report on both', async () => {
    const options = { project: 'xen', clock: () => new Date('2018-06-01T00:00:00Z') };
    const expected = await buildWeatherReport(node, { since: '2011-01-01' }, options);
    expect(await buildWeatherReport(wasm, { since: '2011-01-01' }, options)).toEqual(expected);
  });
});
