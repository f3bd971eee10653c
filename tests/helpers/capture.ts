/**
 * A stand-in for the CLI's stdout or stderr that keeps everything written to it, for tests that run
 * commands in-process.
 */

/** What a captured stream is: writable like a stream, with what was written in `text`. */
export interface CapturedStream {
  /** Whether the stream claims to be a terminal (absent unless given). */
  isTTY?: boolean;
  /** The terminal's width in columns (absent unless given). */
  columns?: number;
  write(chunk: string): void;
  /** Everything written so far. */
  readonly text: string;
}

/**
 * A captured stream. `terminal` sets `isTTY` and `columns`, for commands that draw progress bars
 * only on a terminal; by default neither is set.
 */
export function capture(terminal: { isTTY?: boolean; columns?: number } = {}): CapturedStream {
  let text = '';
  return {
    ...terminal,
    write: (chunk: string) => void (text += chunk),
    get text() {
      return text;
    },
  };
}
