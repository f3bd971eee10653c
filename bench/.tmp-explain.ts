import { openNodeDatabase } from '../src/lib/db/node.ts';
import { findMetric } from '../src/lib/metrics/registry.ts';
import { parametersOf } from '../src/lib/metrics/compose-metric-sql.ts';
const db = await openNodeDatabase(process.argv[2]!, { readOnly: true });
const m = findMetric(process.argv[3]!)!;
const params = {
  as_of: '2018-06-01',
  since: '2008-01-01',
  top: 6,
  growth_since: 2014,
  repositories: [],
  paths: [],
  areas: process.argv[4] ? [process.argv[4]] : [],
  lists: [],
  organisation: null,
};
const names = parametersOf(m.sql);
const p = Object.fromEntries(names.map((n) => [n, (params as Record<string, unknown>)[n]]));
const rows = await db.query<{ explain_value: string }>(`EXPLAIN ANALYZE ${m.sql}`, p as never);
console.log(Object.values(rows.at(-1)!).join('\n'));
await db.close();
