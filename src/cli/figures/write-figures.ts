/**
 * Writes the weather report's figures as files: one SVG and/or PNG per figure, named after what it
 * shows (`commits-by-year.svg`), at a size for the place it goes and in a light or dark theme.
 */
import type { FigureName } from '../../lib/report/figure-name.ts';
import { reportFigures } from '../../lib/report/report-figures.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import { THEMES, type ThemeName } from '../../charts/palette.ts';
import { FIGURE_SIZES, type FigureSizeName } from './figure-size.ts';
import { svgToPng } from './png.ts';
import { renderStandaloneSvg } from './standalone-svg.ts';

/** A file format figures are written in. */
export type FigureFormat = 'svg' | 'png';

/** Options of `writeFigures`. */
export interface WriteFiguresOptions {
  /** Folder the files go to (created when missing). */
  outDir: string;
  /** Formats to write, in order of preference: the first is the one returned for embedding. */
  formats: FigureFormat[];
  /** Default: `blog` (1200×675). */
  size?: FigureSizeName;
  /** Default: `light`. */
  theme?: ThemeName;
  /** Brand colours by organisation (the project config's `colours`). Default: none. */
  colours?: Readonly<Record<string, string>>;
  /** What the data came from, for the source line ("xen"). Default: the project's name. */
  source?: string;
  /** The order organisations get the palette's colours in (the whole history's ranking). */
  colourOrder?: readonly string[];
  /** PNG pixels per SVG px. Default: 2. */
  scale?: number;
}

/** The file operations `writeFigures` needs (node:fs/promises fits). */
export interface FiguresFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}

/** What `writeFigures` wrote: for each figure, the file to embed (in the first format asked for). */
export type FigureFiles = Partial<Record<FigureName, string>>;

/** Every file name `writeFigures` wrote, by figure and format, relative to `outDir`. */
export interface WrittenFigures {
  /** The file to embed per figure (first of `formats`). */
  figures: FigureFiles;
  /** Every file written, relative to `outDir`, in write order. */
  files: string[];
}

/**
 * Renders every figure of `report` and writes it to `outDir` as `<figure-name>.<format>`.
 * Returns the file names by figure name, relative to `outDir`.
 */
export async function writeFigures(
  report: WeatherReport,
  options: WriteFiguresOptions,
  fs: FiguresFs,
): Promise<WrittenFigures> {
  const size = FIGURE_SIZES[options.size ?? 'blog'];
  const theme = THEMES[options.theme ?? 'light'];
  const specs = reportFigures(report, {
    colours: options.colours ?? {},
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.colourOrder ? { colourOrder: options.colourOrder } : {}),
  });
  await fs.mkdir(options.outDir, { recursive: true });
  const figures: FigureFiles = {};
  const files: string[] = [];
  const formats = [...new Set(options.formats)];
  for (const spec of specs) {
    const svg = await renderStandaloneSvg(spec, size, theme);
    for (const format of formats) {
      const name = `${spec.name}.${format}`;
      // resvg draws with the shipped TTFs; the inlined WOFF2 is for browsers only.
      const data = format === 'svg' ? svg : svgToPng(svg, options.scale ?? 2);
      await fs.writeFile(joinPath(options.outDir, name), data);
      files.push(name);
      figures[spec.name] ??= name;
    }
  }
  return { figures, files };
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}/${name}`;
}
