import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { renderJson } from '../../../src/lib/report/render-json.ts';
import { renderMarkdown } from '../../../src/lib/report/render-markdown.ts';
import { renderText } from '../../../src/lib/report/render-text.ts';
import type { WeatherReport } from '../../../src/lib/report/weather-report.ts';
import { fixtureDatabase } from '../metrics/contributions-fixture.ts';
import { generatedProject } from './generated-project.ts';
import { expectGolden } from './golden.ts';

describe('buildWeatherReport on a generated project', () => {
  let db: NodeDatabase;
  let report: WeatherReport;
  beforeAll(async () => {
    const { commits, githubReviews } = generatedProject();
    db = await fixtureDatabase(commits, githubReviews);
    report = await buildWeatherReport(
      db,
      { since: '2011-01-01' },
      { project: 'xen', clock: () => new Date('2018-06-01T08:30:00Z') },
    );
  });
  afterAll(async () => {
    await db.close();
  });

  it('takes as-of from the clock and the other defaults from it', () => {
    expect(report.asOf).toBe('2018-06-01');
    expect(report.since).toBe('2011-01-01');
    expect(report.top).toBe(6);
    expect(report.growth).toMatchObject({ fromYear: 2014, toYear: 2017 });
  });

  it('holds figures consistent with each other', () => {
    const yearSum = report.commitsByYear.reduce((s, y) => s + y.commits, 0);
    expect(yearSum).toBe(report.totalCommits);
    expect(report.commitsByQuarter.reduce((s, q) => s + q.commits, 0)).toBe(report.totalCommits);
    expect(report.commitsByMonth.reduce((s, m) => s + m.commits, 0)).toBe(report.totalCommits);
    const ranked = report.topOrganisations.reduce((s, o) => s + o.commits, 0);
    expect(ranked + report.unknown.commits).toBe(report.totalCommits);
    expect(report.topOrganisations.map((o) => o.organisation)).not.toContain('Unknown');
    expect(report.commitsByYear.at(-1)).toMatchObject({ year: 2018, partial: true });
    expect(report.firstContributions.find((f) => f.organisation === 'EPAM')?.date).toBe(
      '2016-11-08',
    );
    expect(report.newcomers.map((n) => n.organisation)).toContain('EPAM');
    expect(report.newcomers.map((n) => n.organisation)).toContain('AWS');
    expect(report.risers.map((r) => r.organisation)).toEqual(
      expect.arrayContaining(['Arm', 'AMD']),
    );
  });

  it('agrees with counts made directly from the generated history', () => {
    const { commits, githubReviews } = generatedProject();
    const inSpan = (time: string, from: string, to: string) => time >= from && time < to;
    const counted = commits.filter((c) => inSpan(c.time, '2011-01-01', '2018-06-01'));
    expect(report.totalCommits).toBe(counted.length);
    const citrix = counted.filter((c) => c.organisation === 'Citrix').length;
    expect(report.topOrganisations[0]).toEqual({
      organisation: 'Citrix',
      commits: citrix,
      share: citrix / counted.length,
    });
    const recent = commits.filter((c) => inSpan(c.time, '2017-06-01', '2018-06-01'));
    expect(report.last12Months.commits).toBe(recent.length);
    const epamReviews =
      recent.flatMap((c) => c.reviews ?? []).filter((r) => r.organisation === 'EPAM').length +
      githubReviews.filter((r) => inSpan(r.time, '2017-06-01', '2018-06-01')).length;
    expect(report.newcomers.find((n) => n.organisation === 'EPAM')?.reviewsLast12Months).toBe(
      epamReviews,
    );
    const people2017 = new Set(
      commits.filter((c) => c.time.startsWith('2017')).map((c) => c.email),
    );
    expect(report.activeContributorsByYear.find((y) => y.year === 2017)?.contributors).toBe(
      people2017.size,
    );
  });

  it('says what the figures say', () => {
    const text = report.sentences.join('\n');
    expect(text).toContain('In the first five months of 2018, commits');
    expect(text).toMatch(/The top 6 organisations since 2011 are Citrix, SUSE, /);
    expect(text).toMatch(
      /EPAM made its first contribution in November 2016, and \d+ commits? and \d+ reviews in the last 12 months\./,
    );
  });

  it('matches the golden text, JSON and Markdown', () => {
    expectGolden('weather.txt', renderText(report));
    expectGolden('weather.json', renderJson(report));
    expectGolden(
      'weather.md',
      renderMarkdown(report, {
        figures: {
          'commits-by-year': 'commits-by-year.svg',
          'top-organisations': 'top organisations (1).svg',
          newcomers: 'newcomers.png',
        },
      }),
    );
  });

  it('narrows every figure to a path', async () => {
    const arm = await buildWeatherReport(
      db,
      { asOf: '2018-06-01', since: '2011-01-01', paths: ['xen/arch/arm'] },
      { project: 'xen' },
    );
    expect(arm.filters).toEqual({ areas: [], repositories: [], paths: ['xen/arch/arm'] });
    expect(arm.totalCommits).toBeGreaterThan(0);
    expect(arm.totalCommits).toBeLessThan(report.totalCommits / 2);
    expect(arm.sentences.length).toBeGreaterThan(3);
  });

  it('leaves out only the series asked, with the same sentences', async () => {
    const lean = await buildWeatherReport(
      db,
      { since: '2011-01-01' },
      {
        project: 'xen',
        clock: () => new Date('2018-06-01T08:30:00Z'),
        runs: (metric) => metric.dashboard,
      },
    );
    expect(report.commitsByQuarter.length).toBeGreaterThan(0);
    expect(report.commitsByMonth.length).toBeGreaterThan(0);
    expect(report.firstContributions.length).toBeGreaterThan(0);
    expect(lean).toEqual({
      ...report,
      commitsByQuarter: [],
      commitsByMonth: [],
      firstContributions: [],
    });
  });
});
