/**
 * Rebuilds `code_size_totals`: each counted commit's files and lines per area and language, summed
 * once after counting and after the areas change, so a report reads a few thousand rows instead
 * of joining every file of every point (and the dashboard's export stays small).
 */
import type { Database } from '../db/database.ts';
import { inTransaction } from '../identity/apply-affiliations.ts';

const FINGERPRINT_KEY = 'code-size:totals';

/** Every counted file with its counts; binary and empty files are not counted, as cloc skips them. */
const TOTALS_SQL = `
INSERT INTO code_size_totals
WITH counted AS (
  SELECT f.repository, f.commit_id, f.path, k.language, k.code, k.comment, k.blank
  FROM code_size_files AS f
  JOIN code_size_blobs AS k ON k.blob_id = f.blob_id AND k.path_language = f.path_language
  WHERE k.language <> 'Binary' AND k.code + k.comment + k.blank > 0
)
SELECT repository, commit_id, NULL, language, count(*), sum(code), sum(comment), sum(blank)
FROM counted
GROUP BY repository, commit_id, language
UNION ALL
SELECT c.repository, c.commit_id, a.area, c.language, count(*), sum(c.code), sum(c.comment),
       sum(c.blank)
FROM counted AS c
JOIN path_areas AS a ON a.repository = c.repository AND a.path = c.path
GROUP BY c.repository, c.commit_id, a.area, c.language`;

/** What {@link applyCodeSizeTotals} did. */
export interface TotalsSummary {
  /** Rows of `code_size_totals`. */
  rows: number;
  /** True when nothing it is built from changed since the last build, which was kept. */
  unchanged: boolean;
}

/**
 * Rebuilds `code_size_totals` in one transaction, unless `code_size_files`, `code_size_blobs`
 * and `path_areas` are as they were at the last build.
 */
export async function applyCodeSizeTotals(db: Database): Promise<TotalsSummary> {
  const tables = ['code_size_files', 'code_size_blobs', 'path_areas'].map(
    (table) => `(SELECT count(*) || ':' || coalesce(sum(hash(t)), 0) FROM ${table} t)`,
  );
  const [state] = await db.query<{ fingerprint: string; stored: string | null }>(
    `SELECT ${tables.join(" || '/' || ")} || '/' || md5($sql) AS fingerprint,
            (SELECT value FROM barometer_meta WHERE key = $key) AS stored`,
    { sql: TOTALS_SQL, key: FINGERPRINT_KEY },
  );
  const count = async () =>
    (await db.query<{ n: number }>('SELECT count(*) AS n FROM code_size_totals'))[0]?.n ?? 0;
  if (state && state.fingerprint === state.stored) return { rows: await count(), unchanged: true };
  await inTransaction(db, async () => {
    await db.exec('DELETE FROM code_size_totals');
    await db.exec(TOTALS_SQL);
    await db.query(
      `INSERT INTO barometer_meta VALUES ($key, $value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      { key: FINGERPRINT_KEY, value: state?.fingerprint ?? '' },
    );
  });
  return { rows: await count(), unchanged: false };
}
