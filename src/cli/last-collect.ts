/**
 * The project the last `collect` in a folder wrote, so that a follow-up command without a target
 * (`barometer serve`, `report`, `affiliations unknown`, …) reports on that project rather than on
 * the repository it happens to run in. Kept in `data/last-collect.json` under the folder.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** What `data/last-collect.json` holds. */
export interface LastCollect {
  /** The target as `collect` resolved it: a config file, repository path, URL or database (absolute). */
  target: string;
  /** The database it wrote (absolute path). */
  database: string;
  /** The project's name. */
  project: string;
  /** When the run finished, ISO 8601 UTC. */
  collectedAt: string;
}

/** The record's path under `cwd`. */
export function lastCollectPath(cwd: string): string {
  return join(cwd, 'data', 'last-collect.json');
}

/** The record of the last collect in `cwd`, or null when there is none or it cannot be read. */
export function readLastCollect(cwd: string): LastCollect | null {
  try {
    const value = JSON.parse(readFileSync(lastCollectPath(cwd), 'utf8')) as Partial<LastCollect>;
    const strings = [value.target, value.database, value.project, value.collectedAt];
    return strings.every((s) => typeof s === 'string' && s !== '') ? (value as LastCollect) : null;
  } catch {
    return null;
  }
}

/** Records a finished collect (written beside and renamed, so a reader never sees half of it). */
export function writeLastCollect(cwd: string, record: LastCollect): void {
  const path = lastCollectPath(cwd);
  mkdirSync(join(cwd, 'data'), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** The `.duckdb` files directly under `cwd/data`, sorted. */
export function databasesUnder(cwd: string): string[] {
  const dir = join(cwd, 'data');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.duckdb'))
    .sort()
    .map((name) => join(dir, name));
}

/** `path` relative to `cwd` when it lies under it, else as it is. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** "just now", "3 minutes ago", "2 hours ago", "5 days ago". */
export function ago(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} ago`;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.round(hours / 24), 'day');
}
