/**
 * The weather report's sentences, each stated from a figure of the report and tied to the figures
 * it supports. The wording follows the figures: grew, shrank or stayed level; "about twice" only
 * when a ratio is near two; spans spelled from the as-of date.
 */
import { addDays, dayParts, longDay, monthAndYear } from './calendar-day.ts';
import type { FigureName } from './figure-name.ts';
import {
  formatCount,
  formatPercent,
  growthVerb,
  joinNames,
  multipleWords,
  plural,
  spellNumber,
} from './format-figures.ts';
import { plainName } from './escape-markdown.ts';
import type { WeatherReport } from './weather-report.ts';
import { codeSizeSentences } from './code-size-sentences.ts';
import { mailSentences } from './mail-report.ts';

/** One sentence and the figures it supports (embedded after it in weather.md). */
export interface ReportSentence {
  text: string;
  figures: FigureName[];
}

/** The report's figures, without its sentences. */
export type WeatherFigures = Omit<WeatherReport, 'sentences'>;

/** How many newcomers get a sentence of their own; the rest are counted in one. */
const NEWCOMER_SENTENCES = 3;

/** "since 2011" when since is 1 January, else "since 14 March 2011". */
function sincePhrase(since: string): string {
  const { month, day, year } = dayParts(since);
  return month === 1 && day === 1 ? `since ${year}` : `since ${longDay(since)}`;
}

function growthSentence(report: WeatherFigures): ReportSentence | null {
  const growth = report.growth;
  if (!growth) return null;
  const span = `from ${growth.fromYear} to ${growth.toYear}`;
  if (growth.cagr === null) {
    const last = report.commitsByYear.find((y) => y.year === growth.toYear);
    const tail = last ? ` (${plural(last.commits, 'commit')} in ${growth.toYear})` : '';
    return {
      text: `Commits cannot be given a yearly growth rate ${span}: there were none in ${growth.fromYear}${tail}.`,
      figures: ['commits-by-year'],
    };
  }
  const rate = growth.cagr;
  const percent = Math.round(Math.abs(rate) * 100);
  let text =
    percent === 0
      ? `Commits stayed level on average ${span}`
      : `Commits ${rate > 0 ? 'grew' : 'shrank'} on average by ${percent}% a year ${span}`;
  if (growth.meanYoY !== null && Math.round(growth.meanYoY * 100) !== Math.round(rate * 100)) {
    const mean = Math.round(growth.meanYoY * 100);
    text += ` (compound rate; the yearly rates average ${mean < 0 ? '−' : ''}${Math.abs(mean)}%)`;
  }
  return { text: `${text}.`, figures: ['commits-by-year'] };
}

/** "In the first five months of 2018" / "In 2017" / "From 1 January to 14 June 2018". */
function yearToDateSpan(from: string, to: string): { span: string; earlier: string } {
  const start = dayParts(from);
  const end = dayParts(to);
  const previousYear = start.year - 1;
  if (end.day === 1) {
    const months = end.year > start.year ? 12 : end.month - 1;
    if (months === 12) return { span: `In ${start.year}`, earlier: `${previousYear}` };
    if (months === 1) {
      return { span: `In January ${start.year}`, earlier: `January ${previousYear}` };
    }
    return {
      span: `In the first ${spellNumber(months)} months of ${start.year}`,
      earlier: `the same months of ${previousYear}`,
    };
  }
  const last = addDays(to, -1);
  if (last === from) {
    return { span: `On 1 January ${start.year}`, earlier: `1 January ${previousYear}` };
  }
  return {
    span: `From 1 January to ${longDay(last)}`,
    earlier: `the same days of ${previousYear}`,
  };
}

function yearToDateSentence(report: WeatherFigures): ReportSentence {
  const ytd = report.yearToDate;
  const { span, earlier } = yearToDateSpan(ytd.from, ytd.to);
  const counts = `${formatCount(ytd.commits)} against ${formatCount(ytd.previousCommits)}`;
  const text =
    ytd.growth === null
      ? `${span}, there ${ytd.commits === 1 ? 'was' : 'were'} ${plural(ytd.commits, 'commit')}, against none in ${earlier}.`
      : `${span}, commits ${growthVerb(ytd.growth)} against ${earlier} (${counts}).`;
  return { text, figures: ['commits-by-year'] };
}

function topSentence(report: WeatherFigures, name: (s: string) => string): ReportSentence {
  const since = sincePhrase(report.since);
  const top = report.topOrganisations.slice(0, report.top);
  const names = top.map((o) => name(o.organisation));
  let first: string;
  if (top.length === 0) first = `No mapped organisation made a commit ${since}`;
  else if (top.length === 1) first = `The top organisation ${since} is ${names[0]}`;
  else first = `The top ${top.length} organisations ${since} are ${joinNames(names)}`;

  const recent = report.last12Months;
  let second: string;
  if (recent.commits === 0) second = 'there were no commits in the last 12 months';
  else if (recent.organisations.length === 0) {
    second = 'in the last 12 months no mapped organisation made a commit';
  } else {
    const recentTop = recent.organisations.slice(0, report.top);
    const made = `made ${formatPercent(recent.topShare)} of all commits`;
    second =
      recentTop.length === 1
        ? `in the last 12 months the top organisation ${made}`
        : `in the last 12 months the top ${recentTop.length} ${made}`;
    if (recentTop.length > 0) {
      const sinceNames = new Set(top.map((o) => o.organisation));
      const recentNames = new Set(recentTop.map((o) => o.organisation));
      const entered = recentTop.filter((o) => !sinceNames.has(o.organisation));
      const left = top.filter((o) => !recentNames.has(o.organisation));
      if (report.last12Months.sameTopAsSince) {
        second += recentTop.length === 1 ? ', the same one' : ', the same organisations';
      } else if (entered.length > 0) {
        const verb = entered.length === 1 ? 'is' : 'are';
        second += `, and ${joinNames(entered.map((o) => name(o.organisation)))} ${verb} among them`;
        if (left.length > 0) {
          second += ` in place of ${joinNames(left.map((o) => name(o.organisation)))}`;
        }
      }
    }
  }
  return { text: `${first}; ${second}.`, figures: ['top-organisations', 'last-12-months'] };
}

function unknownSentence(report: WeatherFigures): ReportSentence | null {
  if (report.unknown.commits === 0) return null;
  return {
    text: `Addresses no affiliation map covers (Unknown) made ${formatPercent(report.unknown.share)} of the commits ${sincePhrase(report.since)} (${formatCount(report.unknown.commits)} of ${formatCount(report.totalCommits)}).`,
    figures: [],
  };
}

function risersSentence(report: WeatherFigures, name: (s: string) => string): ReportSentence {
  if (report.risers.length === 0) {
    return {
      text: 'No organisation contributed twice as much in the last 12 months as in previous years.',
      figures: ['organisations-over-time'],
    };
  }
  const named = report.risers.slice(0, report.top);
  const groups: Array<{ words: string; names: string[] }> = [];
  for (const riser of named) {
    const words = multipleWords(riser.ratio);
    const group = groups.find((g) => g.words === words);
    if (group) group.names.push(name(riser.organisation));
    else groups.push({ words, names: [name(riser.organisation)] });
  }
  const parts = groups.map((g, i) =>
    i === 0
      ? `${joinNames(g.names)} contributed ${g.words} as much as in previous years`
      : `${joinNames(g.names)} ${g.words} as much`,
  );
  const others = report.risers.length - named.length;
  const tail =
    others > 0
      ? `; ${spellNumber(others)} other organisation${others === 1 ? '' : 's'} at least twice as much`
      : '';
  return {
    text: `In the last 12 months, ${parts.join('; ')}${tail}.`,
    figures: ['organisations-over-time'],
  };
}

function newcomerSentences(report: WeatherFigures, name: (s: string) => string): ReportSentence[] {
  if (report.newcomers.length === 0) {
    return [
      {
        text: 'No organisation made its first contribution in the last 24 months.',
        figures: ['newcomers'],
      },
    ];
  }
  const ranked = [...report.newcomers].sort(
    (a, b) =>
      b.commits + b.reviews - (a.commits + a.reviews) ||
      (a.organisation < b.organisation ? -1 : a.organisation > b.organisation ? 1 : 0),
  );
  const sentences = ranked.slice(0, NEWCOMER_SENTENCES).map((n): ReportSentence => {
    const recent = [
      n.commitsLast12Months > 0 ? plural(n.commitsLast12Months, 'commit') : '',
      n.reviewsLast12Months > 0 ? plural(n.reviewsLast12Months, 'review') : '',
    ].filter(Boolean);
    const tail =
      recent.length === 2
        ? `, and ${recent.join(' and ')} in the last 12 months`
        : recent.length === 1
          ? ` and ${recent[0]} in the last 12 months`
          : '';
    return {
      text: `${name(n.organisation)} made its first contribution in ${monthAndYear(n.firstContribution)}${tail}.`,
      figures: [],
    };
  });
  const others = ranked.length - NEWCOMER_SENTENCES;
  if (others > 0) {
    sentences.push({
      text: `${others === 1 ? 'One other organisation' : `${spellNumber(others).replace(/^./, (c) => c.toUpperCase())} other organisations`} made ${others === 1 ? 'its' : 'their'} first contribution in the last 24 months.`,
      figures: [],
    });
  }
  sentences[sentences.length - 1]!.figures = ['newcomers'];
  return sentences;
}

function reviewsSentence(report: WeatherFigures, name: (s: string) => string): ReportSentence {
  const since = sincePhrase(report.since);
  const total = report.reviewsAgainstCommits.reduce((sum, o) => sum + o.reviews, 0);
  if (total === 0) {
    return {
      text: `No reviews (Reviewed-by or Acked-by trailers, GitHub reviews) were recorded ${since}.`,
      figures: ['reviews-against-commits'],
    };
  }
  const reviewers = report.reviewsAgainstCommits
    .filter((o) => o.organisation !== 'Unknown' && o.reviews > 0)
    .sort(
      (a, b) =>
        b.reviews - a.reviews ||
        (a.organisation < b.organisation ? -1 : a.organisation > b.organisation ? 1 : 0),
    )
    .slice(0, 3);
  const start = `${since.replace(/^s/, 'S')} there were ${plural(total, 'review')}`;
  if (reviewers.length === 0) return { text: `${start}.`, figures: ['reviews-against-commits'] };
  const [most, ...then] = reviewers;
  const list = then.map((o) => `${name(o.organisation)} (${formatCount(o.reviews)})`);
  const rest = list.length > 0 ? `, then ${joinNames(list)}` : '';
  return {
    text: `${start}; ${name(most!.organisation)} made the most (${formatCount(most!.reviews)})${rest}.`,
    figures: ['reviews-against-commits'],
  };
}

function contributorsSentence(report: WeatherFigures): ReportSentence | null {
  const year = Number(report.asOf.slice(0, 4)) - 1;
  const active = report.activeContributorsByYear.find((y) => y.year === year);
  if (!active) return null;
  const fresh = report.newContributorsByYear.find((y) => y.year === year)?.contributors ?? 0;
  const elephant = report.elephantFactorByYear.find((y) => y.year === year)?.elephantFactor;
  const people =
    active.contributors === 1
      ? '1 person contributed'
      : `${formatCount(active.contributors)} people contributed`;
  const firstTime =
    fresh === 0
      ? ', none of them for the first time'
      : `, ${formatCount(fresh)} of them for the first time`;
  let factor = '';
  if (elephant === null) factor = "; Unknown made more than half of the year's commits";
  else if (elephant !== undefined && elephant > 0) {
    factor = `; ${elephant === 1 ? 'one organisation' : `${spellNumber(elephant)} organisations`} made half of the year's commits (the elephant factor)`;
  }
  if (active.contributors === 0) {
    return { text: `In ${year}, nobody contributed a commit.`, figures: [] };
  }
  return { text: `In ${year}, ${people} commits${firstTime}${factor}.`, figures: [] };
}

/**
 * The sentences of a report, in reading order. `name` formats organisation names (plain text by
 * default; Markdown passes its escaper).
 */
export function reportSentences(
  report: WeatherFigures,
  name: (organisation: string) => string = plainName,
): ReportSentence[] {
  return [
    growthSentence(report),
    yearToDateSentence(report),
    topSentence(report, name),
    unknownSentence(report),
    risersSentence(report, name),
    ...newcomerSentences(report, name),
    reviewsSentence(report, name),
    ...mailSentences(report.reviewFlow ?? []).map((text) => ({ text, figures: [] })),
    contributorsSentence(report),
    ...codeSizeSentences(report, name).map((text) => ({ text, figures: [] })),
  ].filter((s): s is ReportSentence => s !== null);
}
