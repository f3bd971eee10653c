/**
 * What the GitHub collector tests share: a logger that keeps every line, a sleep that records the
 * waits it is asked for, and a dump of every table of a database as text.
 */
import type { Database } from '../../../src/lib/db/database.ts';
import type { Logger } from '../../../src/lib/effects.ts';

/** A logger that keeps every line, debug included, tagged with its level. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(`info: ${m}`),
    warn: (m) => void lines.push(`warn: ${m}`),
    debug: (m) => void lines.push(`debug: ${m}`),
  };
}

/** A sleep that records each wait (milliseconds) and returns at once. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return Object.assign(sleep, { waits });
}

const text = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? String(value) : value;

/** Rows of `sql`, timestamps as ISO strings. */
export async function rows(db: Database, sql: string): Promise<Record<string, unknown>[]> {
  const result = await db.query(sql);
  return result.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, text(value)])),
  );
}

/** Every row of every table, as one text (to search for what must not be there). */
export async function dumpDatabase(db: Database): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    parts.push(`${name}: ${JSON.stringify(await rows(db, `SELECT * FROM "${name}"`))}`);
  }
  return parts.join('\n');
}

/** An error with its whole cause chain, data and stack, as text. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    if (e instanceof Error) {
      parts.push(
        e.stack ?? e.message,
        JSON.stringify(e),
        JSON.stringify((e as { data?: unknown }).data ?? null),
      );
    } else {
      parts.push(String(e));
    }
  }
  return parts.join('\n');
}
