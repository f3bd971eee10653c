/**
 * What a subject says about a message (DESIGN.md, mailing lists): a **patch** is a message whose
 * subject does not start with a reply prefix and starts with bracket groups, one of which holds
 * the word PATCH; that group gives the version (`vN`, default 1) and the position (`n/m`, default
 * 1/1, 0 being a cover letter), and what follows the groups is the subject text.
 */

/** How a subject makes a message a patch, or null when it does not. */
export interface PatchSubject {
  version: number;
  /** n of n/m: 0 for a cover letter. */
  number: number;
  /** m of n/m. */
  total: number;
  /** The subject after the bracket groups, trimmed. */
  text: string;
}

const REPLY = /^(?:re|aw|sv|fwd|fw)\s*:/i;
const GROUPS = /^(?:\[[^\]]*\]\s*)+/;
/** The word PATCH (also glued to its version, as in `PATCHv2`). */
const PATCH_WORD = /(?:^|[^a-z0-9])patch(?=$|[^a-z0-9]|v\d)/i;

/** Collapses runs of white space to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Reads `subject` (decoded, white space collapsed) as a patch subject: `[PATCH v3 2/7] text`,
 * `[RFC PATCH] text`, `[Xen-devel] [PATCH] text`, `[PATCH net-next v2 0/5] text`.
 */
export function parsePatchSubject(subject: string): PatchSubject | null {
  const trimmed = subject.trimStart();
  if (REPLY.test(trimmed)) return null;
  const groups = GROUPS.exec(trimmed);
  if (!groups) return null;
  for (const group of groups[0].matchAll(/\[([^\]]*)\]/g)) {
    const inner = group[1]!;
    if (!PATCH_WORD.test(inner)) continue;
    const version = /(?:^|[^a-z0-9]|patch)v(\d+)(?![a-z0-9])/i.exec(inner);
    const position = /(?:^|[^0-9])(\d+)\s*\/\s*(\d+)(?![0-9])/.exec(inner);
    return {
      version: version ? Number(version[1]) : 1,
      number: position ? Number(position[1]) : 1,
      total: position ? Number(position[2]) : 1,
      text: trimmed.slice(groups[0].length).trim(),
    };
  }
  return null;
}
