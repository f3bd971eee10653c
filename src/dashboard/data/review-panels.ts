/**
 * What the Review page shows besides its charts (the registry's panels of the mailing-list
 * metrics): what the lists hold, in one line, and the reviewers table with its CSV.
 */
import { mailReviewers } from '../../lib/metrics/mail-reviewers/mail-reviewers.ts';
import { longDay } from '../../lib/report/calendar-day.ts';
import { formatCount } from '../../lib/report/format-figures.ts';
import { csvText } from '../../lib/report/render-csv.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { TablePanel } from './organisation-panels.ts';

/** Reviewers listed on the page (the CSV has them all). */
export const REVIEWERS_SHOWN = 25;

/**
 * "Before 1 June 2018 the lists held 2,345 messages: 812 patches in 301 changes, 1,020 review
 * messages and 410 review tags." (under the page's filters; not limited to the period's start).
 */
export function mailSummary(report: WeatherReport): string {
  const m = report.mail;
  return `Before ${longDay(report.asOf)} the lists held ${formatCount(m.messages)} messages: ${formatCount(m.patchMessages)} patches in ${formatCount(m.changes)} changes, ${formatCount(m.reviewMessages)} review messages and ${formatCount(m.reviewTags)} review tags.`;
}

/** The reviewers table: the most active reviewers since the period's start, with the CSV of all. */
export function reviewersTable(report: WeatherReport): TablePanel {
  return {
    name: mailReviewers.name,
    title: 'Reviewers on the mailing lists',
    description: mailReviewers.description,
    header: ['Name', 'Address', 'Organisation', 'Review messages', 'Review tags'],
    rows: report.mailReviewers
      .slice(0, REVIEWERS_SHOWN)
      .map((r) => [r.name ?? '(no name)', r.person, r.organisation, r.reviews, r.tags]),
    csv: csvText(mailReviewers.csv(report)),
  };
}
