import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  formatChange,
  formatCount,
  formatDay,
  formatRatio,
  formatShare,
  formatTick,
} from '../../src/charts/format.ts';
import { isSafeColour, makeColourFor, THEMES } from '../../src/charts/palette.ts';
import { textWidth, truncate } from '../../src/charts/text.ts';
import { countAxis, thinLabels } from '../../src/charts/ticks.ts';
import { resolveCssVariables, standaloneMarkup } from '../../src/charts/svg-markup.ts';
import { spreadLabels } from '../../src/charts/stack.ts';
import OrganisationsOverTimeChart from '../../src/charts/OrganisationsOverTimeChart.svelte';
import { renderChart } from './render.ts';
import { sampleReport } from './sample-report.ts';

describe('number and date formats', () => {
  it('formats counts, ticks, shares, changes and ratios', () => {
    expect(formatCount(12345.4)).toBe('12,345');
    expect(formatTick(9_500)).toBe('9,500');
    expect(formatTick(12_000)).toBe('12k');
    expect(formatShare(0.314)).toBe('31%');
    expect(formatShare(0.033)).toBe('3.3%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
    expect(formatChange(0.11)).toBe('+11%');
    expect(formatChange(-0.05)).toBe('\u22125%');
    expect(formatChange(0.004)).toBe('±0%');
    expect(formatChange(null)).toBe('–');
    expect(formatRatio(2.43)).toBe('×2.4');
    expect(formatRatio(12.6)).toBe('×13');
  });

  it('spells days and finds the last day of a half-open period', () => {
    expect(formatDay('2018-06-01')).toBe('1 June 2018');
    expect(dayBefore('2018-06-01')).toBe('2018-05-31');
    expect(dayBefore('2018-01-01')).toBe('2017-12-31');
    expect(dayBefore('2016-03-01')).toBe('2016-02-29');
  });
});

describe('text and ticks', () => {
  it('truncates with an ellipsis, never splitting a character', () => {
    expect(truncate('Citrix', 200, 12)).toBe('Citrix');
    const cut = truncate('Extremely long organisation name', 80, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(80);
    const emoji = truncate('😀😀😀😀😀😀😀😀😀😀', 40, 12);
    expect(emoji.endsWith('…')).toBe(true);
    expect([...emoji.slice(0, -1)].every((c) => c === '😀')).toBe(true);
    expect(truncate('anything', 1, 12)).toBe('');
  });

  it('chooses integer ticks and thins crowded year labels', () => {
    expect(countAxis(1, 5).ticks.every(Number.isInteger)).toBe(true);
    expect(countAxis(0, 5).max).toBe(1);
    expect(countAxis(3459, 6)).toEqual({
      max: 3500,
      ticks: [0, 500, 1000, 1500, 2000, 2500, 3000, 3500],
    });
    const years = Array.from({ length: 30 }, (_, i) => 1990 + i);
    const shown = thinLabels(years, 300, 12);
    expect(shown.has(2019)).toBe(true);
    expect(shown.size).toBeLessThan(30);
  });

  it('spreads direct labels apart within bounds', () => {
    const placed = spreadLabels([100, 101, 102, 300], 10, 0, 400);
    expect(placed[1]! - placed[0]!).toBeGreaterThanOrEqual(10);
    expect(placed[2]! - placed[1]!).toBeGreaterThanOrEqual(10);
    expect(placed[3]).toBe(300);
    const squeezed = spreadLabels([395, 396, 397], 10, 0, 400);
    expect(Math.max(...squeezed)).toBeLessThanOrEqual(400);
  });
});

describe('colours', () => {
  it('gives colours by ranking, brand colours first, greys for Other, Unknown and the rest', () => {
    const colourFor = makeColourFor(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'], {
      B: '#123456',
    });
    expect(colourFor('A')).toBe('var(--bm-cat-0, #0072b2)');
    expect(colourFor('B')).toBe('#123456');
    expect(colourFor('C')).toBe('var(--bm-cat-1, #b5850a)');
    expect(colourFor('K')).toBe('var(--bm-cat-9, #7a73f8)');
    expect(colourFor('L')).toBe('var(--bm-rest, #83868d)');
    expect(colourFor('Z')).toBe('var(--bm-rest, #83868d)');
    expect(colourFor('Other')).toBe('var(--bm-other, #676a71)');
    expect(colourFor('Unknown')).toBe('var(--bm-unknown, #8f9299)');
  });

  it('accepts only colours that cannot escape CSS', () => {
    expect(isSafeColour('#30ba78')).toBe(true);
    expect(isSafeColour('rebeccapurple')).toBe(true);
    expect(isSafeColour('rgb(1, 2, 3)')).toBe(true);
    expect(isSafeColour('red; background: url(x)')).toBe(false);
    expect(isSafeColour('url(javascript:x)')).toBe(false);
    expect(isSafeColour('#30ba78" onload="x')).toBe(false);
  });

  it('resolves CSS variables in tags only, leaving text as the data said', () => {
    const markup =
      '<text style="fill: var(--bm-fg, #000)" data-x="var(--bm-unknown-name, #abc)">var(--bm-fg)</text>';
    expect(resolveCssVariables(markup, THEMES.dark)).toBe(
      '<text style="fill: #ececf1" data-x="#abc">var(--bm-fg)</text>',
    );
    expect(standaloneMarkup('<!--[--><g data-n="a>b">]]></g><!--]-->', THEMES.light)).toBe(
      '<g data-n="a&gt;b">]]&gt;</g>',
    );
  });
});

describe('organisations over time in shares', () => {
  it('draws each year as 100% with share ticks and exact counts in titles', () => {
    const report = sampleReport();
    const svg = renderChart(OrganisationsOverTimeChart, {
      width: 1200,
      height: 675,
      rows: report.organisationsByYear.map((r) => ({
        year: r.year,
        name: r.organisation,
        value: r.commits,
      })),
      mode: 'shares' as const,
      top: 3,
    });
    expect(svg).toContain('>100%</text>');
    expect(svg).toContain('>share of commits</text>');
    const citrix2011 = report.organisationsByYear.find(
      (r) => r.year === 2011 && r.organisation === 'Citrix',
    )!;
    expect(svg).toContain(
      `data-organisation="Citrix" data-year="2011" data-value="${citrix2011.commits}"`,
    );
    // Top 3, Other and Unknown: five layers labelled at the right.
    expect(svg.match(/class="bm-label"/g)).toHaveLength(5);
  });
});
