/**
 * The folders and files a command writes where the user said (`--out DIR`, `--db FILE`): made one
 * level at a time, so a folder the file system will not make (`/proc/x`) fails at once instead of
 * looping in Node's recursive mkdir, and every failure is one `bad-input` line naming the flag,
 * the path and the reason.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { BarometerError, type ErrorCode } from '../lib/errors.ts';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a file is in the way',
  EEXIST: 'a file is in the way',
  EISDIR: 'a folder is in the way',
  ENOENT: 'the file system does not allow it there',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * The one line for a failed write of `path`, given as `flag` (`--out`), caused by `cause`; a
 * `bad-input` error unless `code` says otherwise.
 */
export function outputFailure(
  flag: string,
  path: string,
  cause: unknown,
  code: ErrorCode = 'bad-input',
): BarometerError {
  const system = (cause as NodeJS.ErrnoException | null)?.code ?? '';
  const reason = REASONS[system] ?? (cause instanceof Error ? cause.message : String(cause));
  return new BarometerError(
    code,
    `${flag} ${path}: cannot write there (${reason})`,
    { field: flag, file: path, code: system },
    { cause },
  );
}

/**
 * Makes the folder `path` and any missing parents, one level at a time. Throws `bad-input` (or
 * `code`; {@link outputFailure}) naming `flag` and the path as the user gave it (`shown`) when a
 * level cannot be made or a file is in the way.
 */
export function makeOutputFolder(
  path: string,
  flag: string,
  shown = path,
  code: ErrorCode = 'bad-input',
): void {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    let isFolder: boolean | null;
    try {
      isFolder = statSync(at, { throwIfNoEntry: false })?.isDirectory() ?? null;
    } catch (cause) {
      throw outputFailure(flag, shown, cause, code);
    }
    if (isFolder === false) throw outputFailure(flag, shown, { code: 'ENOTDIR' }, code);
    if (isFolder) break;
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder).isDirectory()) {
        continue;
      }
      throw outputFailure(flag, shown, cause, code);
    }
  }
}

/**
 * `error` as {@link outputFailure} when it is a failed file-system call on a path inside `folder`
 * (the resolved output folder), else unchanged: for wrapping a command's writes.
 */
export function asOutputFailure(
  flag: string,
  shown: string,
  folder: string,
  error: unknown,
): unknown {
  const system = error as NodeJS.ErrnoException | null;
  const path = typeof system?.path === 'string' ? resolve(system.path) : null;
  const inside = path !== null && (path === folder || path.startsWith(folder + sep));
  return inside && typeof system?.syscall === 'string' ? outputFailure(flag, shown, error) : error;
}
