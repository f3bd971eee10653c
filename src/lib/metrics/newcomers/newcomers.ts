import sql from './query.sql?raw';
import { monthAndYear, longDay } from '../../report/calendar-day.ts';
import { csvTable } from '../../report/csv-table.ts';
import { plural, spellNumber } from '../../report/format-figures.ts';
import { rankBy } from '../../report/rank.ts';
import {
  defineMetric,
  type NameFormat,
  type ReportScope,
  type ReportSentence,
} from '../report-metric.ts';
import { risers, type RisersFields } from '../risers/risers.ts';

/** An organisation whose first contribution falls in the last 24 months. */
export interface NewcomerRow {
  organisation: string;
  /** `YYYY-MM-DD` of its first counted commit or review. */
  firstContribution: string;
  /** Its commits since its first contribution (all of them). */
  commits: number;
  /** Its reviews since its first contribution (all of them). */
  reviews: number;
  /** Its commits in [asOf − 1 year, asOf). */
  commitsLast12Months: number;
  /** Its reviews in [asOf − 1 year, asOf). */
  reviewsLast12Months: number;
}

/** Its field of the weather report. */
export interface NewcomersFields {
  /** Organisations whose first contribution falls in the last 24 months. */
  newcomers: NewcomerRow[];
}

/** How many newcomers get a sentence of their own; the rest are counted in one. */
const NEWCOMER_SENTENCES = 3;

/** "EPAM made its first contribution in November 2016, and 4 commits and 95 reviews …". */
function newcomerSentences(report: NewcomersFields, name: NameFormat): ReportSentence[] {
  if (report.newcomers.length === 0) {
    return [
      {
        text: 'No organisation made its first contribution in the last 24 months.',
        figures: ['newcomers'],
      },
    ];
  }
  const ranked = rankBy(
    report.newcomers,
    (n) => n.commits + n.reviews,
    (n) => n.organisation,
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
      names: [n.organisation],
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

const DESCRIPTION =
  'Organisations whose first counted commit or review falls in the 24 months before the as-of date, with their commits and reviews (in all, and in the last 12 months).';

/** Newcomers: organisations whose first commit or review is in [asOf − 2 years, asOf). */
export const newcomers = defineMetric<NewcomerRow, NewcomersFields, ReportScope & RisersFields>({
  name: 'newcomers',
  title: 'Newcomers',
  description: DESCRIPTION,
  sql,
  fields: (rows) => ({ newcomers: rows }),
  csv: (report) =>
    csvTable(report.newcomers, {
      organisation: (r) => r.organisation,
      first_contribution: (r) => r.firstContribution,
      commits: (r) => r.commits,
      reviews: (r) => r.reviews,
      commits_last_12_months: (r) => r.commitsLast12Months,
      reviews_last_12_months: (r) => r.reviewsLast12Months,
    }),
  figure: {
    draw: (report) => ({
      title: 'Newcomers and risers',
      subtitle: `${report.project} · as of ${longDay(report.asOf)}`,
      chart: {
        chart: 'recent-and-rising',
        recent: report.newcomers.map((r) => ({
          name: r.organisation,
          since: r.firstContribution,
          first: r.commits,
          second: r.reviews,
        })),
        rising: report.risers.map((r) => ({
          name: r.organisation,
          value: r.last12Months,
          average: r.yearlyAverageBefore,
          ratio: r.ratio,
        })),
      },
      description: `${DESCRIPTION} ${risers.description}`,
    }),
  },
  sentences: newcomerSentences,
  organisations: (report) => report.newcomers.map((r) => r.organisation),
});
