/**
 * The GitHub `logins` map: `login canonical@address` a line, `#` comments. Logins are matched
 * case-insensitively, as GitHub does.
 */
import {
  contentLines,
  lineCount,
  type MapProblem,
  type MapSource,
  type Parsed,
} from './map-problem.ts';

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
  const entries: LoginEntry[] = [];
  const problems: MapProblem[] = [];
  for (const { number, text: line } of contentLines(text)) {
    const source = { file, line: number };
    const fields = line.split(/\s+/);
    if (fields.length !== 2) {
      problems.push({
        source,
        problem: `expected "login canonical@address", got ${JSON.stringify(line)}`,
      });
      continue;
    }
    const [login, email] = fields as [string, string];
    if (!LOGIN.test(login)) {
      problems.push({ source, problem: `not a GitHub login: ${JSON.stringify(login)}` });
    } else if (!ADDRESS.test(email)) {
      problems.push({ source, problem: `not an e-mail address: ${JSON.stringify(email)}` });
    } else {
      entries.push({ login: login.toLowerCase(), email: email.toLowerCase(), source });
    }
  }
  return { entries, problems, lines: lineCount(text) };
}
