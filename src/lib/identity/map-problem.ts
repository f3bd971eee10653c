/**
 * Where an affiliation fact came from and what was wrong with a map line. Every parser reports
 * problems as values (file, line, text) so a caller can throw them or, for a repository's own
 * `.mailmap` that the user cannot fix, log them.
 */
import { BarometerError } from '../errors.ts';

/** The place a map entry was read from: a file and line, or a field of the project config. */
export interface MapSource {
  /** The map file as the user named it (or the project config file). */
  file: string;
  /** 1-based line number, when the entry came from a line. */
  line?: number;
  /** The config field (e.g. `affiliations.organisations.intel.com`), when it came from a config. */
  field?: string;
}

/** One thing wrong with a map. */
export interface MapProblem {
  source: MapSource;
  /** What is wrong, without the location (e.g. `not a date "2015-13-01" after "<"`). */
  problem: string;
}

/** `file:line`, `file (field)` or `file`. */
export function formatSource(source: MapSource): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.field !== undefined) return `${source.file} (${source.field})`;
  return source.file;
}

/** `file:line: problem`. */
export function formatProblem(problem: MapProblem): string {
  return `${formatSource(problem.source)}: ${problem.problem}`;
}

/**
 * Throws `bad-input` for the first problem (one line naming file, line and problem; the count of
 * further problems appended) with every problem in `data.problems`, which the CLI lists under
 * `--verbose`. Does nothing when empty.
 */
export function throwMapProblems(problems: readonly MapProblem[]): void {
  const first = problems[0];
  if (!first) return;
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more problems; --verbose lists them all)`
      : '';
  throw new BarometerError('bad-input', `${formatProblem(first)}${more}`, {
    file: first.source.file,
    ...(first.source.line !== undefined ? { line: first.source.line } : {}),
    ...(first.source.field !== undefined ? { field: first.source.field } : {}),
    problems: problems.map(formatProblem),
  });
}

/** A parser's result: the entries it could read and the problems of the lines it could not. */
export interface Parsed<T> {
  entries: T[];
  problems: MapProblem[];
  /** Lines in the file (for the record of applied maps). */
  lines: number;
}

/**
 * The lines of a map file with their 1-based numbers, `#` comments and blank lines dropped,
 * trimmed. A `\r` before the newline is dropped too. Linear in the text's length.
 */
export function contentLines(
  text: string,
  comment: 'anywhere' | 'line-start' = 'anywhere',
): { number: number; text: string }[] {
  const out: { number: number; text: string }[] = [];
  const raw = text.split('\n');
  const total = raw.length > 0 && raw[raw.length - 1] === '' ? raw.length - 1 : raw.length;
  for (let i = 0; i < total; i++) {
    let line = raw[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (comment === 'anywhere') {
      const hash = line.indexOf('#');
      if (hash >= 0) line = line.slice(0, hash);
    } else if (line.trimStart().startsWith('#')) {
      continue;
    }
    line = line.trim();
    if (line) out.push({ number: i + 1, text: line });
  }
  return out;
}

/** The number of lines in a text (a final newline does not start another line). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}
