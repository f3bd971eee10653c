import { openNodeDatabase } from '../src/lib/db/node.ts';
import { metrics } from '../src/lib/metrics/registry.ts';
import { defaultMetricParams } from '../src/lib/metrics/default-metric-params.ts';
const db = await openNodeDatabase(process.argv[2]!, { readOnly: true });
const areas = process.argv[3] ? [process.argv[3]] : [];
const p = defaultMetricParams(new Date('2018-06-01T00:00:00Z'), { asOf: '2018-06-01', areas });
for (let round = 0; round < 2; round++) {
  let total = 0;
  const lines: string[] = [];
  for (const m of metrics) {
    const t = performance.now();
    await m.run(db, p);
    const ms = performance.now() - t;
    total += ms;
    lines.push(`${m.name.padEnd(36)} ${ms.toFixed(0)} ms`);
  }
  if (round === 1) console.log(lines.join('\n') + `\ntotal ${total.toFixed(0)} ms`);
}
await db.close();
