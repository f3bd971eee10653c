import { describe, expect, it } from 'vitest';
import { emptyFigures } from '../../../src/lib/report/build-weather-report.ts';
import { escapeMarkdown } from '../../../src/lib/report/escape-markdown.ts';
import { reportSentences, type WeatherFigures } from '../../../src/lib/report/report-sentences.ts';

/** A small report to vary one figure at a time. */
function figures(overrides: Partial<WeatherFigures> = {}): WeatherFigures {
  const scope = {
    project: 'p',
    asOf: '2018-06-01',
    since: '2011-01-01',
    top: 2,
    filters: { repositories: [], paths: [], areas: [] },
  };
  return {
    // Every metric's fields, empty, so a new metric needs nothing here; then this report's.
    ...emptyFigures(scope),
    ...scope,
    growth: { fromYear: 2014, toYear: 2017, cagr: 0.1104, meanYoY: 0.1112, byYear: [] },
    yearToDate: {
      from: '2018-01-01',
      to: '2018-06-01',
      commits: 640,
      previousFrom: '2017-01-01',
      previousTo: '2017-06-01',
      previousCommits: 577,
      growth: 640 / 577 - 1,
    },
    topOrganisations: [
      { organisation: 'Citrix', commits: 60, share: 0.6 },
      { organisation: 'SUSE', commits: 30, share: 0.3 },
    ],
    totalCommits: 100,
    unknown: { commits: 10, share: 0.1 },
    last12Months: {
      from: '2017-06-01',
      to: '2018-06-01',
      commits: 10,
      topShare: 0.9,
      sameTopAsSince: true,
      organisations: [
        { organisation: 'SUSE', commits: 5, share: 0.5 },
        { organisation: 'Citrix', commits: 4, share: 0.4 },
      ],
      unknown: { commits: 1, share: 0.1 },
    },
    ...overrides,
  };
}

const texts = (f: WeatherFigures) => reportSentences(f).map((s) => s.text);

describe('report sentences', () => {
  it('states growth as grew, shrank or stayed level, with the mean only when it reads differently', () => {
    expect(texts(figures())).toContain('Commits grew on average by 11% a year from 2014 to 2017.');
    const shrank = figures({
      growth: { fromYear: 2014, toYear: 2017, cagr: -0.052, meanYoY: -0.07, byYear: [] },
    });
    expect(texts(shrank)[0]).toBe(
      'Commits shrank on average by 5% a year from 2014 to 2017 (compound rate; the yearly rates average −7%).',
    );
    const level = figures({
      growth: { fromYear: 2014, toYear: 2017, cagr: 0.004, meanYoY: 0.001, byYear: [] },
    });
    expect(texts(level)[0]).toBe('Commits stayed level on average from 2014 to 2017.');
    expect(texts(figures({ growth: null }))[0]).toMatch(/^In the first five months/);
  });

  it('spells the year-to-date span from the as-of date', () => {
    const ytd = (
      from: string,
      to: string,
      commits = 640,
      previousCommits = 577,
      since = '2008-01-01',
    ) =>
      texts(
        figures({
          since,
          growth: null,
          yearToDate: {
            from,
            to,
            commits,
            previousFrom: `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`,
            previousTo: '',
            previousCommits,
            growth: previousCommits === 0 ? null : commits / previousCommits - 1,
          },
        }),
      )[0];
    expect(ytd('2018-01-01', '2018-06-01')).toBe(
      'In the first five months of 2018, commits grew 11% against the same months of 2017 (640 against 577).',
    );
    expect(ytd('2018-01-01', '2018-02-01', 50, 100)).toBe(
      'In January 2018, commits shrank 50% against January 2017 (50 against 100).',
    );
    expect(ytd('2017-01-01', '2018-01-01', 100, 100)).toBe(
      'In 2017, commits stayed level against 2016 (100 against 100).',
    );
    expect(ytd('2020-01-01', '2020-02-29', 3, 2)).toBe(
      'From 1 January to 28 February 2020, commits grew 50% against the same days of 2019 (3 against 2).',
    );
    expect(ytd('2018-01-01', '2018-06-15', 7, 0)).toBe(
      'From 1 January to 14 June 2018, there were 7 commits, against none in the same days of 2017.',
    );
    // A project whose period starts after the year before: nothing is said of that year.
    expect(ytd('2018-01-01', '2018-06-15', 7, 0, '2018-01-01')).toBe(
      'From 1 January to 14 June 2018, there were 7 commits.',
    );
  });

  it('names the top N and says whether the last 12 months have the same N', () => {
    expect(texts(figures())).toContain(
      'The top 2 organisations since 2011 are Citrix and SUSE; in the last 12 months the top 2 made 90% of all commits, the same organisations.',
    );
    const changed = figures({
      last12Months: {
        ...figures().last12Months,
        sameTopAsSince: false,
        organisations: [
          { organisation: 'EPAM', commits: 5, share: 0.5 },
          { organisation: 'Citrix', commits: 4, share: 0.4 },
        ],
      },
    });
    expect(texts(changed)).toContain(
      'The top 2 organisations since 2011 are Citrix and SUSE; in the last 12 months the top 2 made 90% of all commits, and EPAM is among them in place of SUSE.',
    );
  });

  it('says "about twice" only near two, and groups risers by their multiple', () => {
    const riser = (organisation: string, ratio: number) => ({
      organisation,
      last12Months: 10,
      yearlyAverageBefore: 10 / ratio,
      ratio,
      fromYear: 2012,
      toYear: 2016,
    });
    const say = (...risers: ReturnType<typeof riser>[]) =>
      texts(figures({ top: 6, risers })).find((t) => t.startsWith('In the last 12 months,'));
    expect(say(riser('Arm', 2), riser('AMD', 2.01))).toBe(
      'In the last 12 months, Arm and AMD contributed twice as much as in previous years.',
    );
    expect(say(riser('Arm', 2.3), riser('AMD', 3.6))).toBe(
      'In the last 12 months, Arm contributed about twice as much as in previous years; AMD about four times as much.',
    );
    expect(texts(figures())).toContain(
      'No organisation contributed twice as much in the last 12 months as in previous years.',
    );
  });

  it('tells newcomers by month, with their last 12 months', () => {
    const newcomer = (organisation: string, commits: number, reviews: number) => ({
      organisation,
      firstContribution: '2016-11-08',
      commits,
      reviews,
      commitsLast12Months: commits,
      reviewsLast12Months: reviews,
    });
    const said = texts(
      figures({
        newcomers: [
          newcomer('EPAM', 0, 75),
          newcomer('AWS', 3, 0),
          newcomer('A', 1, 1),
          newcomer('B', 1, 0),
          newcomer('C', 0, 0),
        ],
      }),
    );
    expect(said).toContain(
      'EPAM made its first contribution in November 2016 and 75 reviews in the last 12 months.',
    );
    expect(said).toContain(
      'AWS made its first contribution in November 2016 and 3 commits in the last 12 months.',
    );
    expect(said).toContain(
      'A made its first contribution in November 2016, and 1 commit and 1 review in the last 12 months.',
    );
    expect(said).toContain(
      'Two other organisations made their first contribution in the last 24 months.',
    );
  });

  it('escapes names for Markdown without changing the plain text', () => {
    const hostile = figures({
      topOrganisations: [
        { organisation: '*Bold* [x](javascript:y) <img src=x>', commits: 60, share: 0.6 },
        { organisation: 'A_B\u202eC', commits: 30, share: 0.3 },
      ],
    });
    const plain = reportSentences(hostile)
      .map((s) => s.text)
      .join('\n');
    expect(plain).toContain('*Bold* [x](javascript:y) <img src=x> and A_B\uFFFDC');
    const markdown = reportSentences(hostile, escapeMarkdown)
      .map((s) => s.text)
      .join('\n');
    expect(markdown).toContain(
      '\\*Bold\\* \\[x\\]\\(javascript:y\\) &lt;img src=x\\> and A\\_B\uFFFDC',
    );
    expect(markdown).not.toContain('<img');
  });
});
