/**
 * What `collect` prints about mailing lists: one line per list (messages added, repeats, removals,
 * time, engine), then one line naming how many messages of each kind could not be read whole.
 */
import type { ListCollectResult, MailProblemCounts } from '../../collectors/mail/collect-lists.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** The lines for a run's lists (none when the config names no list). */
export function mailLines(lists: readonly ListCollectResult[]): string[] {
  if (lists.length === 0) return [];
  const lines = lists.map((list) => {
    const extra = [
      list.duplicates > 0 ? `${count(list.duplicates)} already stored` : '',
      list.removed > 0 ? `${count(list.removed)} removed` : '',
    ].filter(Boolean);
    const engines = list.engines.length > 0 ? list.engines.join(', ') : 'nothing new';
    return (
      `${list.list}: ${count(list.added)} messages added` +
      (extra.length > 0 ? ` (${extra.join(', ')})` : '') +
      ` in ${list.seconds.toFixed(1)} s (${engines})`
    );
  });
  const total: MailProblemCounts = {
    noMessageId: 0,
    unreadableDate: 0,
    brokenMime: 0,
    unknownCharset: 0,
    huge: 0,
  };
  for (const list of lists) {
    for (const key of Object.keys(total) as (keyof MailProblemCounts)[]) {
      total[key] += list.problems[key];
    }
  }
  lines.push(
    `messages not read whole: ${count(total.noMessageId)} without a Message-ID (skipped), ` +
      `${count(total.unreadableDate)} with an unreadable date (archive time used), ` +
      `${count(total.brokenMime)} with broken MIME, ` +
      `${count(total.unknownCharset)} with an unknown charset, ` +
      `${count(total.huge)} huge (headers only)`,
  );
  return lines;
}
