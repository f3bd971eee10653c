import type { Database } from '../db/database.ts';
import { UNDATED_SQL } from '../db/schema.ts';
import { BarometerError } from '../errors.ts';
import type { MetricParams } from '../metrics/metric.ts';
import { isCalendarDay } from './calendar-day.ts';

/**
 * The day (UTC, `YYYY-MM-DD`) of the first dated contribution, or null when there is none; only
 * in `repositories` when some are given (default: all).
 */
export async function firstContributionDay(
  db: Database,
  repositories: readonly string[] = [],
): Promise<string | null> {
  const [first] = await db.query<{ day: string | null }>(
    `SELECT strftime(min(time) FILTER (WHERE time <> ${UNDATED_SQL}), '%Y-%m-%d') AS day
     FROM contributions
     WHERE len(CAST($repositories AS VARCHAR[])) = 0
        OR list_contains(CAST($repositories AS VARCHAR[]), repository)`,
    { repositories: [...repositories] },
  );
  return first?.day ?? null;
}

/**
 * Checks a report's parameters against each other and against the database before any figure is
 * computed, so a mistake is one line naming the value: a date that is not a calendar day, `since`
 * not before `asOf`, a top N under 1, a database with no contributions yet (`not-found`), an as-of
 * date on or before the first contribution (nothing would count), an unknown repository name
 * (`not-found`, listing the known ones), an unknown area name (`not-found`, naming the areas whose
 * names hold it, else the known ones).
 */
export async function checkReportScope(db: Database, params: MetricParams): Promise<void> {
  for (const [field, value] of [
    ['as-of', params.asOf],
    ['since', params.since],
  ] as const) {
    if (!isCalendarDay(value)) {
      throw new BarometerError(
        'bad-input',
        `${field} must be a calendar day YYYY-MM-DD, got '${value}'`,
        { field, value },
      );
    }
  }
  if (params.since >= params.asOf) {
    throw new BarometerError(
      'bad-input',
      `since (${params.since}) must be before as-of (${params.asOf})`,
      { field: 'since', value: params.since },
    );
  }
  if (!Number.isInteger(params.top) || params.top < 1) {
    throw new BarometerError('bad-input', `top must be a whole number from 1, got ${params.top}`, {
      field: 'top',
      value: params.top,
    });
  }
  if (!Number.isInteger(params.growthSince)) {
    throw new BarometerError(
      'bad-input',
      `growth-since must be a year, got ${params.growthSince}`,
      { field: 'growth-since', value: params.growthSince },
    );
  }
  const first = { day: await firstContributionDay(db) };
  if (!first.day) {
    throw new BarometerError(
      'not-found',
      'the database has no contributions yet: run `barometer collect` first',
      {},
    );
  }
  if (params.asOf <= first.day) {
    throw new BarometerError(
      'bad-input',
      `as-of ${params.asOf} is not after the first contribution (${first.day}): nothing would count`,
      { field: 'as-of', value: params.asOf },
    );
  }
  if (params.repositories.length > 0) {
    const rows = await db.query<{ name: string }>(
      `SELECT name FROM repositories
       UNION SELECT full_name FROM github_repositories
       UNION SELECT DISTINCT repository FROM contributions
       ORDER BY 1`,
    );
    const known = rows.map((row) => row.name);
    const unknown = params.repositories.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new BarometerError(
        'not-found',
        `unknown repository ${unknown.map((n) => `'${n}'`).join(', ')} (known: ${known.join(', ') || 'none'})`,
        { field: 'repository', value: unknown[0] },
      );
    }
  }
  const areas = params.areas ?? [];
  if (areas.length > 0) {
    const rows = await db.query<{ area: string }>(
      `SELECT DISTINCT area FROM path_areas ORDER BY area`,
    );
    const known = rows.map((row) => row.area);
    const unknown = areas.find((name) => !known.includes(name));
    if (unknown !== undefined) {
      throw new BarometerError(
        'not-found',
        `unknown area '${unknown}' ${areaHint(unknown, known)}`,
        {
          field: 'area',
          value: unknown,
        },
      );
    }
  }
}

/** How many area names an error lists at most. */
const LISTED_AREAS = 8;

/** `(did you mean 'X86 ARCHITECTURE'?)`, else `(known: …)`, for an area name not in `known`. */
function areaHint(name: string, known: readonly string[]): string {
  if (known.length === 0) return '(the database has no areas: see docs/areas.md)';
  const lower = name.toLowerCase();
  const near = known.filter((area) => area.toLowerCase().includes(lower));
  const quoted = (list: readonly string[]) =>
    list
      .slice(0, LISTED_AREAS)
      .map((area) => `'${area}'`)
      .join(', ') + (list.length > LISTED_AREAS ? ` and ${list.length - LISTED_AREAS} more` : '');
  return near.length > 0 ? `(did you mean ${quoted(near)}?)` : `(known: ${quoted(known)})`;
}
