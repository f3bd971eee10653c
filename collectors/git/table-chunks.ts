/**
 * Rows of one table built straight into DuckDB data chunks, cell by cell, for an appender.
 *
 * `@duckdb/node-api`'s own chunk writing keeps every value in JS arrays (with a `DuckDBValue` per
 * timestamp and a BigInt per validity bit) and copies them into the chunk at the end; for a
 * metadata-only walk that was a fifth of the run. Here strings go to the chunk's vector as they
 * come (one native call each), fixed-width columns fill typed arrays copied into the vector once per
 * chunk, and the constant first column (the repository) is one constant vector per chunk.
 *
 * `@duckdb/node-bindings` is pinned in package.json to the exact version `@duckdb/node-api` pins:
 * chunks made through one are filled and appended through the other, so they must be one library.
 */
import bindings from '@duckdb/node-bindings';
import {
  BOOLEAN,
  DuckDBDataChunk,
  INTEGER,
  SMALLINT,
  TIMESTAMP,
  VARCHAR,
  type DuckDBType,
} from '@duckdb/node-api';

/** A column's type, as the table declares it. */
export type ColumnKind = 'varchar' | 'integer' | 'smallint' | 'timestamp' | 'boolean';

const TYPES: Record<ColumnKind, DuckDBType> = {
  varchar: VARCHAR,
  integer: INTEGER,
  smallint: SMALLINT,
  timestamp: TIMESTAMP,
  boolean: BOOLEAN,
};
const WIDTHS: Record<ColumnKind, number> = {
  varchar: 0,
  integer: 4,
  smallint: 2,
  timestamp: 8,
  boolean: 1,
};

/** DuckDB's standard vector size: rows per data chunk. */
export const CHUNK_ROWS = 2048;
const TWO_32 = 4294967296;
/** Vectors hold values in the machine's byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** One data chunk being filled. */
class OpenChunk {
  readonly chunk: DuckDBDataChunk;
  readonly vectors: bindings.Vector[];
  /** Bytes of each fixed-width column (empty for strings), and views to write them. */
  readonly bytes: Uint8Array<ArrayBuffer>[];
  readonly views: DataView[];
  /** Validity bits of each column, all valid until a null is set; null where none is. */
  readonly validity: (Uint8Array<ArrayBuffer> | null)[];
  rows = 0;

  constructor(types: DuckDBType[], kinds: readonly ColumnKind[], repository: bindings.Value) {
    this.chunk = DuckDBDataChunk.create(types);
    const raw = this.chunk.chunk;
    this.vectors = types.map((_, i) => bindings.data_chunk_get_vector(raw, i));
    bindings.vector_reference_value(this.vectors[0]!, repository);
    this.bytes = [new Uint8Array(0)];
    for (const kind of kinds) this.bytes.push(new Uint8Array(WIDTHS[kind] * CHUNK_ROWS));
    this.views = this.bytes.map((bytes) => new DataView(bytes.buffer));
    this.validity = types.map(() => null);
  }

  setNull(column: number, row: number): void {
    let bits = this.validity[column];
    if (!bits) bits = this.validity[column] = new Uint8Array(CHUNK_ROWS / 8).fill(0xff);
    bits[row >> 3]! &= ~(1 << (row & 7));
  }

  /** Copies the fixed-width columns and validity into the chunk and sets its size. */
  seal(): DuckDBDataChunk {
    for (let i = 1; i < this.vectors.length; i++) {
      const vector = this.vectors[i]!;
      const bytes = this.bytes[i]!;
      if (bytes.length) {
        const used = (bytes.length / CHUNK_ROWS) * this.rows;
        bindings.copy_data_to_vector(vector, 0, bytes.buffer, bytes.byteOffset, used);
      }
      const bits = this.validity[i];
      if (bits) {
        bindings.vector_ensure_validity_writable(vector);
        bindings.copy_data_to_vector_validity(vector, 0, bits.buffer, bits.byteOffset, bits.length);
      }
    }
    bindings.data_chunk_set_size(this.chunk.chunk, this.rows);
    return this.chunk;
  }
}

/**
 * Builds rows for a table whose first column is `repository` (the same for every row, given once)
 * and whose other columns are `kinds`: call {@link row} to start a row, then set each of its cells
 * (every cell of a row must be set, nulls included), then {@link take} the chunks.
 */
export class TableChunks {
  private readonly types: DuckDBType[];
  private readonly sealed: DuckDBDataChunk[] = [];
  private open: OpenChunk | null = null;
  private at = -1;
  /** Rows started since the last {@link take}. */
  rows = 0;

  private readonly repository: bindings.Value;

  constructor(
    private readonly kinds: readonly ColumnKind[],
    repository: string,
  ) {
    this.types = [VARCHAR, ...kinds.map((kind) => TYPES[kind])];
    this.repository = bindings.create_varchar(repository);
  }

  /** Starts a row; the column numbers of the setters count `repository` as column 0. */
  row(): void {
    let open = this.open;
    if (!open || open.rows === CHUNK_ROWS) {
      if (open) this.sealed.push(open.seal());
      open = this.open = new OpenChunk(this.types, this.kinds, this.repository);
    }
    this.at = open.rows++;
    this.rows++;
  }

  /** Text (UTF-16 from JS, stored as UTF-8), or null. */
  string(column: number, value: string | null): void {
    const open = this.open!;
    if (value === null) open.setNull(column, this.at);
    else bindings.vector_assign_string_element(open.vectors[column]!, this.at, value);
  }

  /** A 32-bit integer, or null. */
  integer(column: number, value: number | null): void {
    const open = this.open!;
    if (value === null) return open.setNull(column, this.at);
    open.views[column]!.setInt32(this.at * 4, value, LITTLE_ENDIAN);
  }

  /** A 16-bit integer. */
  smallint(column: number, value: number): void {
    this.open!.views[column]!.setInt16(this.at * 2, value, LITTLE_ENDIAN);
  }

  /**
   * A time given in milliseconds since the epoch (a `Date`'s `getTime()`), stored as DuckDB's
   * microseconds; exact for every date a `Date` holds, and the epoch for NaN.
   */
  timestamp(column: number, milliseconds: number): void {
    const view = this.open!.views[column]!;
    // An invalid Date (a commit dated past the year 275,760) is stored as the epoch, the date git
    // itself shows for a date it cannot read.
    if (!Number.isFinite(milliseconds)) milliseconds = 0;
    // micros = ms * 1000, split into 32-bit halves without leaving the exact range of a double.
    const msHigh = Math.floor(milliseconds / TWO_32);
    const lowMicros = (milliseconds - msHigh * TWO_32) * 1000;
    const carry = Math.floor(lowMicros / TWO_32);
    const low = lowMicros - carry * TWO_32;
    const high = msHigh * 1000 + carry;
    const at = this.at * 8;
    view.setUint32(LITTLE_ENDIAN ? at : at + 4, low, LITTLE_ENDIAN);
    view.setInt32(LITTLE_ENDIAN ? at + 4 : at, high, LITTLE_ENDIAN);
  }

  /** A flag. */
  boolean(column: number, value: boolean): void {
    this.open!.bytes[column]![this.at] = value ? 1 : 0;
  }

  /** The chunks of every row so far, sealed; the builder starts empty again. */
  take(): DuckDBDataChunk[] {
    if (this.open && this.open.rows) this.sealed.push(this.open.seal());
    this.open = null;
    this.rows = 0;
    return this.sealed.splice(0);
  }
}
