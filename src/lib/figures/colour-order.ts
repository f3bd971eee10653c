/**
 * The order organisations get the palette's colours in: the whole history's ranking (every counted
 * commit of the database, at any date, in any repository or path), so an organisation keeps its
 * colour whatever a view narrows to, whatever the as-of date, in the dashboard and in exports.
 */
import type { Database } from '../db/database.ts';
import { UNKNOWN } from '../identity/organisation-index.ts';

/** How many names the order keeps: more than any palette has colours. */
export const COLOUR_ORDER_LENGTH = 40;

/**
 * Organisations by their commits over the whole history, then their reviews, then name (never
 * `Unknown`); the first {@link COLOUR_ORDER_LENGTH}.
 */
export async function colourOrder(db: Database): Promise<string[]> {
  const rows = await db.query<{ organisation: string }>(
    `SELECT organisation
     FROM contributions
     WHERE organisation IS NOT NULL AND organisation <> $unknown
     GROUP BY organisation
     ORDER BY count(*) FILTER (WHERE kind = 'commit') DESC, count(*) DESC, organisation
     LIMIT ${COLOUR_ORDER_LENGTH}`,
    { unknown: UNKNOWN },
  );
  return rows.map((row) => row.organisation);
}
