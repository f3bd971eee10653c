/** `affiliations unknown` as text, gitdm EmailMap lines to fill in, or CSV. */
import type { UnknownEntry, UnknownListing } from './list-unknown.ts';
import { oneLine } from './one-line.ts';
import { formatCount, plural } from '../report/format-figures.ts';

/** A percentage with one decimal: 0.1234 → `12.3%`. */
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function hint(entry: UnknownEntry): string {
  return entry.github
    .slice(0, 3)
    .map((g) =>
      g.company
        ? `GitHub ${oneLine(g.login)}: ${JSON.stringify(oneLine(g.company))}`
        : `GitHub ${oneLine(g.login)}`,
    )
    .join('; ');
}

/** The listing as an aligned table with a summary line and what to do next. */
export function formatUnknownText(listing: UnknownListing): string {
  const period = listing.since ? ` since ${listing.since}` : '';
  const lines = [
    `Unknown${period}: ${formatCount(listing.unknownCommits)} of ${plural(listing.totalCommits, 'commit')} (${percent(listing.totalCommits ? listing.unknownCommits / listing.totalCommits : 0)}), ` +
      `${formatCount(listing.unknownReviews)} of ${plural(listing.totalReviews, 'review')} (${percent(listing.totalReviews ? listing.unknownReviews / listing.totalReviews : 0)})`,
  ];
  if (listing.entries.length === 0) {
    lines.push('Every address with a contribution is mapped.');
  } else {
    const rows = [
      ['commits', 'share', 'reviews', 'share', 'people', 'domain or address', 'hint'],
      ...listing.entries.map((e) => [
        formatCount(e.commits),
        percent(e.commitShare),
        formatCount(e.reviews),
        percent(e.reviewShare),
        formatCount(e.people),
        oneLine(e.entry),
        hint(e),
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    lines.push('');
    for (const row of rows) {
      lines.push(
        row
          .map((cell, i) =>
            i < 5 ? cell.padStart(widths[i]!) : i === 6 ? cell : cell.padEnd(widths[i]!),
          )
          .join('  ')
          .trimEnd(),
      );
    }
  }
  if (listing.more > 0) {
    lines.push(`... and ${formatCount(listing.more)} more (--limit N shows more)`);
  }
  if (listing.noAddress.commits + listing.noAddress.reviews > 0) {
    lines.push(
      `Without any address (nothing to map): ${plural(listing.noAddress.commits, 'commit')}, ${plural(listing.noAddress.reviews, 'review')}`,
    );
  }
  if (listing.entries.length > 0) {
    lines.push(
      '',
      'Map them in a gitdm EmailMap file (`--format gitdm` prints lines to fill in), then run `barometer affiliations apply`.',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * EmailMap lines with `?` for the organisation, biggest first, each with its weight as a comment.
 * The map parser refuses `?`, so a line left unfilled is caught rather than mapped to "?".
 */
export function formatUnknownGitdm(listing: UnknownListing): string {
  const period = listing.since ? ` since ${listing.since}` : '';
  const out = [
    `# Unmapped addresses and domains${period}, biggest first. Replace each ? with the organisation`,
    '# (add "< YYYY-MM-DD" for a line that holds only before that day), delete the lines you cannot',
    '# fill, and pass the file with --email-map or name it in the project config.',
  ];
  const width = Math.max(0, ...listing.entries.map((e) => e.entry.length));
  for (const e of listing.entries) {
    const h = hint(e);
    out.push(
      `${oneLine(e.entry).padEnd(width)}  ?  # ${plural(e.commits, 'commit')} (${percent(e.commitShare)}), ${plural(e.reviews, 'review')} (${percent(e.reviewShare)}), ${formatCount(e.people)} ${e.people === 1 ? 'person' : 'people'}${h ? `; ${h}` : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}

type Cell = string | number;

function csvCell(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV (RFC 4180, CRLF): kind, entry, commits, commit_share, reviews, review_share, people,
 * github_logins, github_companies. Cells a spreadsheet would run as a formula get a leading `'`.
 */
export function formatUnknownCsv(listing: UnknownListing): string {
  const header = [
    'kind',
    'entry',
    'commits',
    'commit_share',
    'reviews',
    'review_share',
    'people',
    'github_logins',
    'github_companies',
  ];
  const rows: Cell[][] = listing.entries.map((e) => [
    e.kind,
    e.entry,
    e.commits,
    Number(e.commitShare.toFixed(6)),
    e.reviews,
    Number(e.reviewShare.toFixed(6)),
    e.people,
    e.github.map((g) => g.login).join(' '),
    e.github
      .map((g) => g.company)
      .filter((c): c is string => !!c)
      .join('; '),
  ]);
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
