import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { makeColourFor } from '../../src/charts/palette.ts';
import { FIGURE_NAMES } from '../../src/lib/report/figure-name.ts';
import { reportFigures } from '../../src/lib/report/report-figures.ts';
import MatrixChart from '../../src/charts/MatrixChart.svelte';
import YearSeriesChart from '../../src/charts/YearSeriesChart.svelte';
import { renderChart, renderFigure } from './render.ts';
import { expectGolden } from './golden.ts';
import { sampleReport } from './sample-report.ts';

const report = sampleReport();

describe('golden SVGs of the weather report figures', () => {
  const size = { width: 1200, height: 675 };
  const specs = reportFigures(report, { source: 'xen.git' });
  const named = (name: string) => specs.find((s) => s.name === name)!;

  it('has the figures in report order', () => {
    expect(specs.map((s) => s.name)).toEqual(FIGURE_NAMES);
  });

  for (const spec of specs) {
    it(`${spec.name} matches its golden and is well-formed SVG`, () => {
      const svg = renderFigure(spec, size);
      expectGolden(spec.name, svg);
      // resvg parses XML strictly: a malformed file throws here.
      expect(new Resvg(svg).width).toBe(1200);
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`data-figure="${spec.name}"`);
      expect(svg).toContain('Source: xen.git, as of 1 June 2018');
      expect(svg).not.toContain('var(--');
    });
  }

  it('at a blog column (640×400) the figures keep their goldens too', () => {
    for (const name of ['commits-by-year', 'organisations-over-time']) {
      expectGolden(`${name}-640`, renderFigure(named(name), { width: 640, height: 400 }));
    }
  });

  it('the review flow by quarter of posting matches its goldens', () => {
    const quarters = reportFigures(report, {
      source: 'xen.git',
      view: { kind: 'commits', mode: 'counts', period: 'quarters' },
    });
    for (const name of ['mail-changes', 'mail-days-to-first-review']) {
      const spec = quarters.find((s) => s.name === name)!;
      const svg = renderFigure(spec, size);
      expectGolden(`${name}-by-quarter`, svg);
      expect(svg).toContain('2015 Q1');
      // As of 1 June 2018, the second quarter of 2018 is not over.
      expect(svg).toContain('2018 Q2 is partial');
    }
  });

  it('dark theme of organisations over time matches its golden', () => {
    expectGolden(
      'organisations-over-time-dark',
      renderFigure(named('organisations-over-time'), size, 'dark'),
    );
  });

  it('active contributors and elephant factor per year match their goldens', () => {
    const common = { width: 1200, height: 675, partialYear: 2018, source: 'Source: xen.git' };
    expectGolden(
      'active-contributors',
      renderChart(YearSeriesChart, {
        ...common,
        title: 'Active contributors per year',
        unit: 'active contributors',
        figure: 'active-contributors',
        rows: report.activeContributorsByYear.map((r) => ({ year: r.year, value: r.contributors })),
      }),
    );
    expectGolden(
      'elephant-factor',
      renderChart(YearSeriesChart, {
        ...common,
        title: 'Elephant factor per year',
        unit: 'organisations for half of the commits',
        figure: 'elephant-factor',
        showChange: false,
        rows: report.elephantFactorByYear.map((r, i) => ({
          year: r.year,
          value: i === 0 ? null : r.elephantFactor,
        })),
      }),
    );
  });
});

describe('the matrix chart', () => {
  // Who reviews whom, made up from the sample's review counts: each organisation's reviews spread
  // over the authors' organisations in proportion to their commits.
  const authors = report.topOrganisations.slice(0, 5);
  const all = authors.reduce((sum, a) => sum + a.commits, 0);
  const cells = report.reviewsAgainstCommits.flatMap((reviewer) =>
    authors.map((author) => ({
      row: reviewer.organisation,
      column: author.organisation,
      value: Math.round((reviewer.reviews * author.commits) / all),
    })),
  );

  it('matches its golden, the rows and columns with the largest totals first', () => {
    const svg = renderChart(MatrixChart, {
      width: 1200,
      height: 675,
      title: 'Who reviews whom',
      cells,
      unit: 'reviews',
      rowLabel: 'reviewer',
      columnLabel: 'author',
      top: 6,
      source: 'Source: xen.git',
    });
    expectGolden('matrix', svg);
    expect(new Resvg(svg).width).toBe(1200);
    const rows = [...svg.matchAll(/data-row="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(rows).size).toBe(6);
    const citrixToSuse = cells.find((c) => c.row === 'Citrix' && c.column === 'SUSE')!;
    expect(svg).toContain(
      `data-row="Citrix" data-column="SUSE" data-value="${citrixToSuse.value}"`,
    );
  });
});

describe('figures of one report agree', () => {
  it('an organisation keeps one colour in every figure', () => {
    const fills = new Map<string, Set<string>>();
    for (const spec of reportFigures(report)) {
      const svg = renderFigure(spec, { width: 1200, height: 675 });
      for (const match of svg.matchAll(
        /data-organisation="([^"]+)"[^>]*>(?:<title>[^<]*<\/title>)?(?:<text[^>]*>[^<]*<\/text>)?<rect[^>]*style="fill: (#[0-9a-f]+)/g,
      )) {
        const [, organisation, fill] = match;
        if (!fills.has(organisation!)) fills.set(organisation!, new Set());
        fills.get(organisation!)!.add(fill!);
      }
    }
    expect(fills.size).toBeGreaterThanOrEqual(6);
    for (const [organisation, colours] of fills) {
      expect([organisation, [...colours]]).toEqual([organisation, [[...colours][0]]]);
    }
    expect([...fills.get('Citrix')!]).toEqual(['#0072b2']);
    expect([...fills.get('SUSE')!]).toEqual(['#b5850a']);
  });

  it('brand colours from the config win, unsafe ones are ignored', () => {
    const [spec] = reportFigures(report, {
      colours: { SUSE: '#30ba78', AMD: 'red; background: url(x)' },
    });
    const colourFor = makeColourFor(spec!.colourOrder, spec!.brand);
    expect(colourFor('SUSE')).toBe('#30ba78');
    expect(colourFor('Citrix')).toBe('var(--bm-cat-0, #0072b2)');
    // AMD's unsafe brand colour is ignored: it gets the next palette colour after Citrix.
    expect(colourFor('AMD')).toBe('var(--bm-cat-1, #b5850a)');
    const svg = renderFigure(
      reportFigures(report, { colours: { SUSE: '#30ba78' } }).find(
        (s) => s.name === 'top-organisations',
      )!,
      { width: 1200, height: 675 },
    );
    expect(svg).toMatch(/data-organisation="SUSE"[\s\S]*?fill: #30ba78/);
  });
});
