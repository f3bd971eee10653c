/**
 * A panel's figure as files to take away: standalone SVG (the theme's colours and Inter inlined,
 * title, project, period and source line drawn in: the same picture `barometer report` exports),
 * PNG at twice the size for slides, and the CSV of the rows drawn.
 */
import { flushSync, mount, unmount } from 'svelte';
import interRegular from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import interSemiBold from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import { FigureChart, interFontFaces, standaloneMarkup, THEMES } from '../../charts/index.ts';
import { figureFileName } from '../../lib/figures/figure-frame.ts';
import { DOWNLOAD_SIZE, type Panel } from '../data/dashboard-panels.ts';

/** PNG scale: 2× the SVG's size (2400×1350 px for the default 1200×675). */
const PNG_SCALE = 2;

let fontCss: Promise<string> | undefined;

async function dataUrl(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:font/woff2;base64,${btoa(binary)}`;
}

/** `@font-face` rules for Inter with the fonts inlined (as the CLI's SVGs carry), made once. */
function fontFaces(): Promise<string> {
  fontCss ??= Promise.all([dataUrl(interRegular), dataUrl(interSemiBold)]).then(
    ([regular, semiBold]) => interFontFaces({ 400: regular, 600: semiBold }),
  );
  return fontCss;
}

/** The panel's chart drawn at the download size, as markup (rendered off-screen). */
function renderMarkup(panel: Panel): string {
  const host = document.createElement('div');
  const instance = mount(FigureChart, {
    target: host,
    props: { figure: panel.figure, ...DOWNLOAD_SIZE },
  });
  flushSync();
  const markup = host.innerHTML;
  void unmount(instance);
  return markup;
}

/** The standalone SVG document of a panel's figure. */
export async function figureSvg(panel: Panel): Promise<string> {
  const markup = standaloneMarkup(renderMarkup(panel), THEMES.light);
  const style = `<style>${await fontFaces()}</style>`;
  const withStyle = markup.replace(/^<svg\b[^>]*>/, (open) => `${open}${style}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withStyle}\n`;
}

/** The figure as PNG bytes at {@link PNG_SCALE}× the SVG's size, drawn by the browser. */
export async function figurePng(panel: Panel): Promise<Blob> {
  const svg = await figureSvg(panel);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = DOWNLOAD_SIZE.width * PNG_SCALE;
    canvas.height = DOWNLOAD_SIZE.height * PNG_SCALE;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers `content` as a file download named `name`. */
export function saveFile(name: string, content: Blob | string, type: string): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file name for a panel's download that states its view (see `figureFileName`):
 * `xen-commits-by-year-path-xen-arch-arm-reviews-since-2011-as-of-2018-06-01.svg`.
 */
export function downloadName(project: string, panel: Panel, asOf: string, ext: string): string {
  const view = panel.view ?? {
    since: `${asOf.slice(0, 4)}-01-01`,
    asOf,
    filters: {},
    kind: 'commits' as const,
    mode: 'counts' as const,
  };
  return figureFileName(project, panel.name, view, view, ext);
}
