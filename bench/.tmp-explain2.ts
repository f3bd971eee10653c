import { readFileSync } from 'node:fs';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { composeMetricSql, parametersOf } from '../src/lib/metrics/compose-metric-sql.ts';
const db = await openNodeDatabase(process.argv[2]!, { readOnly: true });
const params = {
  as_of: '2018-06-01',
  since: '2008-01-01',
  top: 6,
  growth_since: 2014,
  repositories: [],
  paths: [],
  areas: [],
  lists: [],
  organisation: null,
};
const sql = composeMetricSql(readFileSync(process.argv[3]!, 'utf8'));
const p = Object.fromEntries(
  parametersOf(sql).map((n) => [n, (params as Record<string, unknown>)[n]]),
);
await db.query("PRAGMA enable_profiling='json'");
await db.query("PRAGMA profiling_output='/tmp/revwork/prof.json'");
await db.query(sql, p as never);
await db.close();
