/**
 * Progress of a long run. On a terminal: one live line redrawn in place — what is being worked on,
 * a bar, items done, items per second and time left. Without a terminal (CI, pipes): nothing live,
 * only the lines the caller prints when each part is done.
 */
import { showControlCharacters } from '../lib/control-characters.ts';
import type { Clock } from '../lib/effects.ts';

/** Where the bar is drawn: a stream, with `isTTY` when it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What the bar shows. */
export interface ProgressState {
  /** What is being worked on, e.g. a repository name. */
  label: string;
  /** A word for what happens now when no count is known yet, e.g. `fetching`. */
  phase?: string;
  /** Items done so far. */
  done: number;
  /** Items in all, when known; without it the bar shows no time left. */
  total: number | null;
  /** The unit counted. Default `commits`. */
  unit?: string;
}

/** `73` → `1:13`, `3725` → `1:02:05`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** `12345` → `12,345`. */
const count = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The bar's text for a state after `elapsed` seconds, at most `width` characters, e.g.
 * `xen [########------------] 12,345/50,464 commits  2,100/s  0:18 left`.
 */
export function formatProgress(state: ProgressState, elapsed: number, width = 80): string {
  const unit = state.unit ?? 'commits';
  const rate = elapsed > 0 ? state.done / elapsed : 0;
  const parts: string[] = [];
  if (state.total !== null && state.total > 0) {
    const fraction = Math.min(1, state.done / state.total);
    const left = rate > 0 ? formatDuration((state.total - state.done) / rate) : '?';
    parts.push(
      `${count(state.done)}/${count(state.total)} ${unit}`,
      `${count(rate)}/s`,
      `${left} left`,
    );
    const tail = parts.join('  ');
    const room = width - state.label.length - tail.length - 4;
    const barWidth = Math.max(0, Math.min(30, room));
    const filled = Math.round(barWidth * fraction);
    const bar = barWidth > 0 ? ` [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]` : '';
    return `${state.label}${bar} ${tail}`.slice(0, width);
  }
  const doing = state.done > 0 || !state.phase ? `${count(state.done)} ${unit}` : state.phase;
  parts.push(doing);
  if (state.done > 0) parts.push(`${count(rate)}/s`);
  return `${state.label} ${parts.join('  ')}`.slice(0, width);
}

/** A live progress line. */
export interface ProgressBar {
  /** True when the bar is drawn live (a terminal), so a total and time left are worth knowing. */
  readonly live: boolean;
  /** Shows a new state (redrawn at most every `intervalMs`). */
  update(state: ProgressState): void;
  /** Clears the live line and prints `line` (when given) in its place. */
  finish(line?: string): void;
}

/** Options for {@link createProgressBar}. */
export interface ProgressBarOptions {
  clock: Clock;
  /** Minimum time between redraws, in milliseconds. Default 100. */
  intervalMs?: number;
}

/**
 * A progress bar on `stream` when it is a terminal; otherwise one that prints only the lines passed
 * to `finish`, so logs get one line per part.
 */
export function createProgressBar(
  stream: ProgressStream,
  options: ProgressBarOptions,
): ProgressBar {
  const live = stream.isTTY === true;
  const interval = options.intervalMs ?? 100;
  let start: number | null = null;
  let lastDraw = -Infinity;
  let drawn = false;
  let label = '';
  return {
    live,
    update(state) {
      const now = options.clock().getTime();
      if (start === null || state.label !== label) {
        start = now;
        label = state.label;
      }
      if (!live || now - lastDraw < interval) return;
      lastDraw = now;
      const width = Math.max(40, (stream.columns ?? 80) - 1);
      const text = formatProgress(state, (now - start) / 1000, width);
      stream.write(`\r\x1b[K${showControlCharacters(text, '')}`);
      drawn = true;
    },
    finish(line) {
      if (live && drawn) stream.write('\r\x1b[K');
      drawn = false;
      start = null;
      lastDraw = -Infinity;
      if (line !== undefined) stream.write(`${showControlCharacters(line, '')}\n`);
    },
  };
}
