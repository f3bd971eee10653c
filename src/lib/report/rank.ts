/**
 * How every ranking breaks ties: by count, largest first, then by name (A before Z), so the same
 * data always gives the same top N; `Unknown` is never ranked.
 */
import { UNKNOWN } from '../identity/organisation-index.ts';

/** Names in A-to-Z order (by code unit, as DuckDB orders VARCHAR). */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `rows` without `Unknown`, largest `count` first, ties by name. */
export function rankBy<T>(
  rows: readonly T[],
  count: (row: T) => number,
  name: (row: T) => string,
): T[] {
  return rows
    .filter((row) => name(row) !== UNKNOWN)
    .sort((a, b) => count(b) - count(a) || byName(name(a), name(b)));
}

/** Names ranked by their total value over `rows` (largest first, ties by name), never `Unknown`. */
export function rankNames(rows: ReadonlyArray<{ name: string; value: number }>): string[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.name, (totals.get(row.name) ?? 0) + row.value);
  return rankBy(
    [...totals],
    ([, total]) => total,
    ([name]) => name,
  ).map(([name]) => name);
}
