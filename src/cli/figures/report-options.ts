/**
 * The figure options of `barometer report`: `--figures svg,png|none`, `--size`, `--theme`,
 * `--format html`, and what they write into the `--out` folder beside weather.md (every figure as
 * SVG and PNG unless `--figures` says otherwise).
 */
import { join } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { BarometerError } from '../../lib/errors.ts';
import type { ProjectConfig } from '../../lib/config/project-config.ts';
import type { FigureName } from '../../lib/report/figure-name.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { ThemeName } from '../../charts/palette.ts';
import { parseFigureSize, type FigureSizeName } from './figure-size.ts';
import type { FigureFormat } from './write-figures.ts';

/** What the figure options asked for. */
export interface FigureFlags {
  /**
   * `--figures svg,png`: formats to write, first preferred for embedding in weather.md; empty for
   * `--figures none`. Default (with `--out`): SVG and PNG.
   */
  formats?: FigureFormat[];
  /** `--size blog|slide|square`. Default: blog. */
  size?: FigureSizeName;
  /** `--theme light|dark`. Default: light. */
  theme?: ThemeName;
  /** `--format html`: also write weather.html. */
  html?: boolean;
}

/** Usage lines of the figure options, for `barometer report --help`. */
export const FIGURE_USAGE = `  --figures svg,png|none the figure formats --out writes, embedded in weather.md (default: svg,png)
  --size blog|slide|square   figure size: 1200x675, 1920x1080 or 1080x1080 (default: blog; PNG at 2x)
  --theme light|dark     figure colours (default: light)
  --format html          also write weather.html: the report with its figures in one file (prints to PDF)
`;

function bad(option: string, expected: string, value: string): never {
  throw new BarometerError('bad-input', `${option} must be ${expected}, got '${value}'`, {
    field: option,
    value,
  });
}

type WithFigures = { figureFlags?: FigureFlags };

/** The figure options, in the shape of the report command's option table. */
export const FIGURE_OPTIONS: Record<
  string,
  { apply(flags: WithFigures, value: string, option: string): void }
> = {
  '--figures': {
    apply(flags, value, option) {
      const formats = value.split(',').map((f) => f.trim().toLowerCase());
      if (formats.length === 1 && formats[0] === 'none') {
        (flags.figureFlags ??= {}).formats = [];
        return;
      }
      if (formats.some((f) => f !== 'svg' && f !== 'png'))
        bad(option, 'svg, png, svg,png or none', value);
      (flags.figureFlags ??= {}).formats = [...new Set(formats as FigureFormat[])];
    },
  },
  '--size': {
    apply(flags, value) {
      (flags.figureFlags ??= {}).size = parseFigureSize(value);
    },
  },
  '--theme': {
    apply(flags, value, option) {
      if (value !== 'light' && value !== 'dark') bad(option, 'light or dark', value);
      (flags.figureFlags ??= {}).theme = value;
    },
  },
  '--format': {
    apply(flags, value, option) {
      if (value !== 'html' && value !== 'md') bad(option, 'html or md', value);
      (flags.figureFlags ??= {}).html = value === 'html';
    },
  },
};

/** The formats `--out` writes figures in when `--figures` is not given. */
export const DEFAULT_FIGURE_FORMATS: readonly FigureFormat[] = ['svg', 'png'];

/**
 * Writes what the figure options ask for into `outDir` (figures, by default as SVG and PNG;
 * weather.html) and returns the figure files for weather.md and every file written. Organisations
 * get colours in `colourOrder` (the whole history's ranking). Throws `bad-input` when a figure
 * option is given without `--out`.
 */
export async function writeReportFigures(
  report: WeatherReport,
  flags: WithFigures & { out?: string },
  outDir: string | undefined,
  config: ProjectConfig,
  colourOrder?: readonly string[],
): Promise<{ figures: Partial<Record<FigureName, string>>; files: string[] }> {
  if (!outDir && !flags.figureFlags) return { figures: {}, files: [] };
  const asked = { formats: [...DEFAULT_FIGURE_FORMATS], ...flags.figureFlags };
  if (!outDir) {
    throw new BarometerError(
      'bad-input',
      '--figures, --size, --theme and --format need --out DIR',
      {
        field: '--out',
      },
    );
  }
  const common = {
    size: asked.size ?? 'blog',
    theme: asked.theme ?? 'light',
    colours: config.colours,
    ...(colourOrder ? { colourOrder } : {}),
  } as const;
  const result = { figures: {} as Partial<Record<FigureName, string>>, files: [] as string[] };
  // Loaded only when asked for: resvg and the Svelte server renderer stay out of a plain report.
  if (asked.formats.length > 0) {
    const { writeFigures } = await import('./write-figures.ts');
    const written = await writeFigures(
      report,
      { outDir, formats: asked.formats, ...common },
      { mkdir, writeFile },
    );
    result.figures = written.figures;
    result.files.push(...written.files);
  }
  if (asked.html) {
    const { renderHtmlReport } = await import('./html-report.ts');
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'weather.html'), await renderHtmlReport(report, common));
    result.files.push('weather.html');
  }
  return result;
}
