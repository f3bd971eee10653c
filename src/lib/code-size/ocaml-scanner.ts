/** OCaml's lines, as cloc counts them. */
import { BACKSLASH, DQ, isSpace, SQ, STAR, type LineScanner } from './line-scan.ts';

/**
 * OCaml, line by line as cloc counts it: `(* … *)` comments, nested; a `"…"` string on one line is
 * skipped whole, inside comments too (so `"*)"` closes nothing); `'"'` is a character.
 */
export function ocamlScanner(): LineScanner {
  let depth = 0;
  return (data, start, end, out) => {
    let code = false;
    let last = -1;
    let first = -1;
    let spaceBefore = false;
    for (let i = start; i < end; i++) {
      const b = data[i]!;
      if (b === 0x28 && i + 1 < end && data[i + 1] === STAR) {
        depth++;
        i++;
        continue;
      }
      if (b === STAR && i + 1 < end && data[i + 1] === 0x29 && depth > 0) {
        depth--;
        i++;
        continue;
      }
      let to = i;
      if (b === SQ && data[i + 1] === DQ && data[i + 2] === SQ && i + 2 < end) to = i + 2;
      else if (b === DQ) {
        let j = i + 1;
        while (j < end && data[j] !== DQ) j += data[j] === BACKSLASH ? 2 : 1;
        if (j < end) to = j;
      }
      if (depth === 0) {
        last = data[to]!;
        if (isSpace(b)) {
          if (first < 0) spaceBefore = true;
        } else {
          code = true;
          if (first < 0) first = i;
        }
      }
      i = to;
    }
    out.code = code;
    out.last = last;
    out.first = first;
    out.spaceBefore = spaceBefore;
    out.joinsNext = false;
    out.dropped = false;
  };
}
