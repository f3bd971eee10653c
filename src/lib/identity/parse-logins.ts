/**
 * The GitHub `logins` map: `login canonical@address` a line, `#` comments. Logins are matched
 * case-insensitively, as GitHub does.
 */
import type { MapSource, Parsed } from './map-problem.ts';
import { parsePairLines } from './parse-pair-lines.ts';

/** One login line. */
export interface LoginEntry {
  /** The login, lower-cased. */
  login: string;
  /** The person's address, lower-cased. */
  email: string;
  source: MapSource;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?$/;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** Parses a logins text. */
export function parseLogins(text: string, file: string): Parsed<LoginEntry> {
  return parsePairLines(text, file, {
    wrongFieldCount: (_fields, line) =>
      `expected "login canonical@address", got ${JSON.stringify(line)}`,
    read(login, email, source) {
      if (!LOGIN.test(login)) return `not a GitHub login: ${JSON.stringify(login)}`;
      if (!ADDRESS.test(email)) return `not an e-mail address: ${JSON.stringify(email)}`;
      return { login: login.toLowerCase(), email: email.toLowerCase(), source };
    },
  });
}
