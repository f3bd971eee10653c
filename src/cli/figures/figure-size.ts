/** The sizes figures come in, for the places they go. */
import { BarometerError } from '../../lib/errors.ts';

/** Name of a figure size. */
export type FigureSizeName = 'blog' | 'slide' | 'square';

/** Width and height of each size, px (PNG is drawn at `scale` times this). */
export const FIGURE_SIZES: Record<FigureSizeName, { width: number; height: number }> = {
  blog: { width: 1200, height: 675 },
  slide: { width: 1920, height: 1080 },
  square: { width: 1080, height: 1080 },
};

/** Parses `--size`: `blog`, `slide` or `square`. Throws `bad-input` naming the flag and value. */
export function parseFigureSize(value: string): FigureSizeName {
  if (value in FIGURE_SIZES) return value as FigureSizeName;
  throw new BarometerError(
    'bad-input',
    `--size must be one of ${Object.keys(FIGURE_SIZES).join(', ')}, got "${value}"`,
    { field: '--size', value },
  );
}
