/**
 * The shared reading of the two-field map formats (`alias canonical`, `login address`): one pair of
 * whitespace-separated fields a line, `#` comments.
 */
import {
  contentLines,
  lineCount,
  type MapProblem,
  type MapSource,
  type Parsed,
} from './map-problem.ts';

/** How one format reads its pairs. */
export interface PairFormat<T extends object> {
  /** The problem of a line without exactly two fields (`fields` as split, `line` as trimmed). */
  wrongFieldCount(fields: readonly string[], line: string): string;
  /** The entry of a line's two fields, or the problem with them (a string). */
  read(first: string, second: string, source: MapSource): T | string;
}

/** Parses `text` (the map file `file`) line by line with `format`. */
export function parsePairLines<T extends object>(
  text: string,
  file: string,
  format: PairFormat<T>,
): Parsed<T> {
  const entries: T[] = [];
  const problems: MapProblem[] = [];
  for (const { number, text: line } of contentLines(text)) {
    const source = { file, line: number };
    const fields = line.split(/\s+/);
    const result =
      fields.length === 2
        ? format.read(fields[0]!, fields[1]!, source)
        : format.wrongFieldCount(fields, line);
    if (typeof result === 'string') problems.push({ source, problem: result });
    else entries.push(result);
  }
  return { entries, problems, lines: lineCount(text) };
}
