import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { standaloneMarkup } from '../src/charts/svg-markup.ts';
import { THEMES } from '../src/charts/palette.ts';
for (const f of process.argv.slice(2)) {
  let svg = readFileSync(f, 'utf8');
  svg = standaloneMarkup(svg, THEMES.light);
  const png = new Resvg(svg, { background: 'white', font: { loadSystemFonts: true } })
    .render()
    .asPng();
  writeFileSync(`/tmp/revwork/${f.split('/').pop()!.replace('.svg', '.png')}`, png);
}
