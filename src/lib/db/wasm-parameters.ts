/**
 * `$name` parameters for engines that have no named binding (duckdb-wasm's prepared statements are
 * positional and cannot bind lists): each parameter is inlined as a typed, safely quoted SQL
 * literal whose type is the one DuckDB for Node infers for the same JavaScript value, so a metric's
 * SQL means the same on both engines.
 */
import { BarometerError } from '../errors.ts';
import type { SqlParams, SqlValue } from './database.ts';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** `it's` → `'it''s'`: the only escape a standard SQL string literal has. */
function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function fail(name: string, why: string, value: unknown): never {
  throw new BarometerError('bad-input', `query parameter $${name}: ${why}`, {
    field: name,
    value,
  });
}

/**
 * The SQL literal for one parameter value, typed as DuckDB for Node binds it: integers in 32 bits
 * → INTEGER, other integers → BIGINT, other numbers → DOUBLE, bigint → HUGEINT, strings → VARCHAR,
 * `Date` → TIMESTAMP (millisecond precision, UTC), lists of strings → VARCHAR[], null → NULL.
 */
export function sqlLiteral(value: SqlValue | readonly string[], name = '?'): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) {
    const items = value.map((item: unknown, i) =>
      typeof item === 'string'
        ? quoteString(item)
        : fail(`${name}[${i}]`, 'list items must be strings', item),
    );
    return `CAST([${items.join(', ')}] AS VARCHAR[])`;
  }
  switch (typeof value) {
    case 'string':
      return `CAST(${quoteString(value)} AS VARCHAR)`;
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'bigint':
      return `CAST('${value.toString()}' AS HUGEINT)`;
    case 'number':
      if (Number.isInteger(value)) {
        if (value >= INT32_MIN && value <= INT32_MAX) return `CAST(${value} AS INTEGER)`;
        if (!Number.isSafeInteger(value)) fail(name, 'integers must be safe integers', value);
        return `CAST(${value} AS BIGINT)`;
      }
      if (Number.isNaN(value)) return `CAST('nan' AS DOUBLE)`;
      if (!Number.isFinite(value)) return `CAST('${value > 0 ? 'inf' : '-inf'}' AS DOUBLE)`;
      // String(x) is the shortest text that reads back as exactly x.
      return `CAST('${String(value)}' AS DOUBLE)`;
    case 'object':
      if (value instanceof Date) {
        const ms = value.getTime();
        if (Number.isNaN(ms)) fail(name, 'not a valid date', String(value));
        const iso = value.toISOString();
        if (!/^\d{4}-/.test(iso)) fail(name, 'dates must fall in the years 0000 to 9999', iso);
        return `CAST('${iso.slice(0, 10)} ${iso.slice(11, 23)}' AS TIMESTAMP)`;
      }
  }
  return fail(name, 'unsupported value', value);
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;

/**
 * Replaces every `$name` in `sql` with the literal of `params[name]`, leaving string literals,
 * quoted identifiers, comments and dollar-quoted strings (`$$…$$`, `$tag$…$tag$`) untouched.
 * Throws `bad-input` naming the parameter when the SQL uses one that `params` does not give.
 */
export function inlineParameters(sql: string, params: SqlParams = {}): string {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    // '…' strings (with '' inside), and E'…' strings where a backslash escapes the next character.
    if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]!) && !IDENT_PART.test(sql[i - 2] ?? ' ');
      let j = i + 1;
      while (j < n) {
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && !(sql[j] === '"' && sql[j + 1] !== '"')) j += sql[j] === '"' ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const j = end === -1 ? n : end;
      out += sql.slice(i, j);
      i = j;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const j = end === -1 ? n : end + 2;
      out += sql.slice(i, j);
      i = j;
      continue;
    }
    if (c === '$') {
      let j = i + 1;
      while (j < n && IDENT_PART.test(sql[j]!)) j++;
      const word = sql.slice(i + 1, j);
      if (sql[j] === '$' && (word === '' || IDENT_START.test(word[0]!))) {
        // A dollar-quoted string: copy through its closing tag.
        const tag = sql.slice(i, j + 1);
        const end = sql.indexOf(tag, j + 1);
        const k = end === -1 ? n : end + tag.length;
        out += sql.slice(i, k);
        i = k;
        continue;
      }
      if (word && IDENT_START.test(word[0]!) && !IDENT_PART.test(sql[i - 1] ?? ' ')) {
        if (!Object.hasOwn(params, word)) {
          throw new BarometerError(
            'bad-input',
            `query uses parameter $${word}, which was not given (given: ${Object.keys(params).join(', ') || 'none'})`,
            { field: word },
          );
        }
        out += sqlLiteral(params[word]!, word);
        i = j;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
