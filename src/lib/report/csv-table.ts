/** A CSV file's content before it is written: a header and rows of cells. */

/** One cell: text, a number, a boolean, or nothing (written empty). */
export type Cell = string | number | boolean | null | undefined;

/** A header and its rows, one cell per column. */
export interface CsvTable {
  header: readonly string[];
  rows: Cell[][];
}

/** Columns by header name, each reading its cell from a row, in the order written. */
export type CsvColumns<R> = Readonly<Record<string, (row: R) => Cell>>;

/** The table of `rows` under `columns`: the header and each row's cells come from the same list. */
export function csvTable<R>(rows: readonly R[], columns: CsvColumns<R>): CsvTable {
  const readers = Object.values(columns);
  return {
    header: Object.keys(columns),
    rows: rows.map((row) => readers.map((read) => read(row))),
  };
}
