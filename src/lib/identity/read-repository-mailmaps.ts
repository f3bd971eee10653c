/** Each repository's own `.mailmap`, as `collect` stored it in `repository_mailmaps`. */
import type { Database } from '../db/database.ts';
import { silentLogger, type Logger } from '../effects.ts';
import type { MapFileRecord } from './affiliation-maps.ts';
import { formatProblem } from './map-problem.ts';
import { parseMailmap, type MailmapEntry } from './parse-mailmap.ts';

/**
 * Each repository's own `.mailmap` (table `repository_mailmaps`), in repository-name order, parsed.
 * Lines git would ignore are logged as warnings and skipped: the project cannot fix them upstream.
 */
export async function readRepositoryMailmaps(
  db: Database,
  logger: Logger = silentLogger,
): Promise<{ entries: MailmapEntry[]; records: MapFileRecord[] }> {
  const entries: MailmapEntry[] = [];
  const records: MapFileRecord[] = [];
  const rows = await db.query<{ repository: string; content: string }>(
    `SELECT repository, content FROM repository_mailmaps WHERE content <> '' ORDER BY repository`,
  );
  for (const { repository, content } of rows) {
    const file = `${repository}/.mailmap`;
    const parsed = parseMailmap(content, file);
    for (const problem of parsed.problems) {
      logger.warn(`${formatProblem(problem)} (ignored, as git does)`);
    }
    entries.push(...parsed.entries);
    records.push({
      file,
      kind: 'repository-mailmap',
      lines: parsed.lines,
      entries: parsed.entries.length,
    });
  }
  return { entries, records };
}
