/** Affiliations as the maps say now, without storing them. */
import type { Database } from '../db/database.ts';
import type { AffiliationMaps } from './affiliation-maps.ts';
import { applyAffiliations, type ApplyOptions, type ApplySummary } from './apply-affiliations.ts';

/**
 * Applies `maps` inside a transaction, runs `read` on the result, then rolls everything back: what
 * `affiliations unknown` and `who` show with the maps as they are now, leaving the stored
 * `contributions` as the last `apply` left them.
 */
export async function previewAffiliations<T>(
  db: Database,
  maps: AffiliationMaps,
  options: ApplyOptions,
  read: (summary: ApplySummary) => Promise<T>,
): Promise<T> {
  const joined: Database & { transaction: <R>(work: () => Promise<R>) => Promise<R> } = {
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (work) => work(),
  };
  await db.exec('BEGIN TRANSACTION');
  try {
    return await read(await applyAffiliations(joined, maps, options));
  } finally {
    await db.exec('ROLLBACK');
  }
}
