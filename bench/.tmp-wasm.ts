import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openWasmEngine } from '../tests/lib/db/wasm-engine.ts';
import { wasmDatabase } from '../src/lib/db/wasm.ts';
import { loadArrowTables } from '../src/lib/db/wasm-load.ts';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { exportData } from '../src/cli/export-arrow.ts';
import { metrics } from '../src/lib/metrics/registry.ts';
import { defaultMetricParams } from '../src/lib/metrics/default-metric-params.ts';
import { scopedDatabase } from '../src/dashboard/data/scoped-database.ts';
const dir = '/tmp/revwork/export';
if (!existsSync(join(dir, 'manifest.json')) || process.argv.includes('--export')) {
  const node = await openNodeDatabase(process.argv[2]!, { readOnly: true });
  await exportData(node, dir, { project: 'xen', clock: () => new Date('2026-06-01T00:00:00Z') });
  await node.close();
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const engine = await openWasmEngine();
await loadArrowTables(engine.connection, manifest, async (file) => readFileSync(join(dir, file)));
const db = scopedDatabase(wasmDatabase(engine.connection));
const area = process.argv[3];
const views = [
  defaultMetricParams(new Date('2018-06-01T00:00:00Z'), { asOf: '2018-06-01' }),
  defaultMetricParams(new Date('2018-06-01T00:00:00Z'), { asOf: '2017-06-01' }),
  ...(area
    ? [defaultMetricParams(new Date('2018-06-01T00:00:00Z'), { asOf: '2018-06-01', areas: [area] })]
    : []),
];
for (const round of [0, 1]) {
  for (const p of views) {
    let total = 0;
    const lines: string[] = [];
    for (const m of metrics) {
      if (!m.dashboard) continue;
      const t = performance.now();
      await m.run(db, { ...p, asOf: round === 0 ? p.asOf : p.asOf.replace('-06-', '-07-') });
      const ms = performance.now() - t;
      total += ms;
      lines.push(`  ${m.name.padEnd(36)} ${ms.toFixed(0)} ms`);
    }
    if (round === 1)
      console.log(
        `view ${JSON.stringify({ asOf: p.asOf, areas: p.areas })}\n${lines.join('\n')}\n  total ${total.toFixed(0)} ms`,
      );
  }
}
engine.close();
