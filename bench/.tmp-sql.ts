import { readFileSync } from 'node:fs';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { composeMetricSql, parametersOf } from '../src/lib/metrics/compose-metric-sql.ts';
import { withAreaScope } from '../src/lib/metrics/area-scope/area-scope.ts';
const db = await openNodeDatabase(process.argv[2]!, { readOnly: true });
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
for (const file of process.argv[3]!.split(',')) {
  let text = readFileSync(file, 'utf8');
  if (text.includes('area_contributions') && !text.includes('area_contributions AS'))
    text = withAreaScope(text);
  const sql = composeMetricSql(text);
  const p = Object.fromEntries(
    parametersOf(sql).map((n) => [n, (params as Record<string, unknown>)[n]]),
  );
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    n = (await db.query(sql, p as never)).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${file}: ${n} rows, median ${times[2]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms`,
  );
}
await db.close();
