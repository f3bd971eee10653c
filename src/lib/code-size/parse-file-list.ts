/**
 * The file a project config names as `codeSize.files`: the paths code size counts (for instance
 * the files a configured build compiles), one per line, relative to the repository's root.
 */
import { BarometerError } from '../errors.ts';

/**
 * The paths of a file list, normalised and sorted, without repeats: blank lines and lines starting
 * with `#` are skipped, `./` and `..` segments resolved and repeated slashes collapsed
 * (`xen/arch/arm/./setup.c` → `xen/arch/arm/setup.c`). Throws `bad-input` naming the file and the
 * line for an absolute path or one that leaves the repository.
 */
export function parseFileList(text: string, file: string): string[] {
  const paths = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fail = (why: string) => {
      throw new BarometerError('bad-input', `${file}:${index + 1}: ${why}: ${line}`, {
        file,
        line: index + 1,
        value: line,
      });
    };
    if (line.startsWith('/') || /^[A-Za-z]:[\\/]/.test(line))
      fail('an absolute path; list paths relative to the repository root');
    const parts: string[] = [];
    for (const part of line.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (parts.length === 0) fail('a path outside the repository');
        parts.pop();
      } else parts.push(part);
    }
    if (parts.length > 0) paths.add(parts.join('/'));
  });
  return [...paths].sort();
}
