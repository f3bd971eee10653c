/**
 * A generated project with a mailing list, for the Review page and the export's parity tests:
 * three years (2016 to mid-2018) of changes posted to `devel` by eight people of four
 * organisations (one named as markup), in one to three versions, one or two patches each (a cover
 * letter before two) touching `xen/arch/arm`, `tools` or `docs`; reviews by others after a few
 * hours to weeks, some with a review tag, some sent through the list's DMARC rewriting
 * (`Name via devel <devel@…>`, the author in Reply-To); replies by the author; about half the
 * changes merged by a commit of their sender with the patch's subject. Deterministic (seeded).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepository, makeTempDir, type GitFixture } from '../../helpers/git-fixture.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { inboxEpoch, type FixtureMail } from './mail-fixture.ts';

/** An organisation whose name is markup: it must show as these characters and run nothing. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

const LIST = 'devel@lists.example.org';
const LIST_HEADERS = [`List-Id: Devel <devel.lists.example.org>`, `List-Post: <mailto:${LIST}>`];
const PEOPLE = [
  { name: 'Ann Arm', email: 'ann@corp-a.com' },
  { name: 'Abe Arm', email: 'abe@corp-a.com' },
  { name: 'Bea Build', email: 'bea@corp-b.com' },
  { name: 'Ben Build', email: 'ben@corp-b.com' },
  { name: 'Cy Cloud', email: 'cy@corp-c.com' },
  { name: HOSTILE_NAME, email: 'x@hostile.example' },
  { name: 'Dee Home', email: 'dee@home.example' },
  { name: 'Eli Free', email: 'eli@free.example' },
];
const AREAS = ['xen/arch/arm', 'tools/libs', 'docs'];
const DAY = 86_400_000;

/** `"Name" <address>`: the name quoted, as a mailer writes one holding `<` or `"`. */
function address(person: { name: string; email: string }): string {
  return `"${person.name.replace(/["\\]/g, '\\$&')}" <${person.email}>`;
}

/** A small linear congruential generator: the same seed, the same list. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The generated project: its config, repository and the list's epoch. */
export interface GeneratedList {
  root: string;
  config: string;
  repo: GitFixture;
  /** Changes posted, messages written, changes merged. */
  counts: { changes: number; messages: number; merged: number };
  cleanup(): void;
}

/** Writes the project under a fresh temporary folder. */
export function generateListProject(seed = 3): GeneratedList {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
  const mails: FixtureMail[] = [];
  const merges: Array<{
    subject: string;
    file: string;
    author: (typeof PEOPLE)[number];
    at: number;
  }> = [];
  let changes = 0;
  const start = Date.parse('2016-01-04T09:00:00Z');
  const end = Date.parse('2018-05-20T00:00:00Z');
  for (let posted = start; posted < end; posted += (6 + next() * 16) * DAY) {
    const n = changes++;
    const author = pick(PEOPLE);
    const file = `${pick(AREAS)}/file${n}.c`;
    const text = `area: change number ${n}`;
    const patches = next() < 0.4 ? 2 : 1;
    const versions = 1 + Math.floor(next() * next() * 3);
    let at = posted;
    for (let v = 1; v <= versions; v++) {
      const tag = v === 1 ? 'PATCH' : `PATCH v${v}`;
      const root = `c${n}-v${v}@${author.email.split('@')[1]}`;
      const ids: string[] = [];
      if (patches === 2) {
        mails.push({
          id: root,
          from: address(author),
          time: iso(at),
          subject: `[${tag} 0/2] ${text}`,
          headers: LIST_HEADERS,
        });
      }
      for (let p = 1; p <= patches; p++) {
        const id = patches === 2 ? `${root}-${p}` : root;
        ids.push(id);
        mails.push({
          id,
          from: address(author),
          time: iso(at + p * 60_000),
          subject:
            patches === 2
              ? `[${tag} ${p}/2] ${text}${p === 2 ? ' (part two)' : ''}`
              : `[${tag}] ${text}`,
          ...(patches === 2 ? { inReplyTo: root, references: [root] } : {}),
          headers: LIST_HEADERS,
          body: `Change it.\n\nSigned-off-by: ${author.name} <${author.email}>\n---\ndiff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1 +1,2 @@\n x\n+y\n`,
        });
      }
      if (next() < 0.75) {
        const reviewer = pick(PEOPLE.filter((p) => p !== author));
        const when = at + (0.05 + next() * next() * 20) * DAY;
        const munged = next() < 0.3;
        mails.push({
          id: `r${n}-v${v}@${reviewer.email.split('@')[1]}`,
          from: munged
            ? address({ name: `${reviewer.name} via devel`, email: LIST })
            : address(reviewer),
          time: iso(when),
          subject: `Re: [${tag}] ${text}`,
          inReplyTo: ids[0]!,
          references: [ids[0]!],
          headers: munged ? [...LIST_HEADERS, `Reply-To: ${address(reviewer)}`] : LIST_HEADERS,
          body: `> +y\n\nLooks right.\n\n${next() < 0.5 ? `Reviewed-by: ${reviewer.name} <${reviewer.email}>\n` : ''}`,
        });
        if (next() < 0.5) {
          mails.push({
            id: `a${n}-v${v}@${author.email.split('@')[1]}`,
            from: address(author),
            time: iso(when + DAY / 4),
            subject: `Re: [${tag}] ${text}`,
            inReplyTo: `r${n}-v${v}@${reviewer.email.split('@')[1]}`,
            headers: LIST_HEADERS,
            body: 'Thanks.\n',
          });
        }
      }
      at += (2 + next() * 10) * DAY;
    }
    if (next() < 0.5) merges.push({ subject: text, file, author, at: at + next() * 20 * DAY });
  }
  mails.sort((a, b) => a.time.localeCompare(b.time));

  const root = makeTempDir('barometer-list-');
  const repo = createRepository();
  repo.commit({
    message: 'Initial',
    files: Object.fromEntries(AREAS.map((area) => [`${area}/README`, 'x\n'])),
    date: { at: '2015-12-01T00:00:00Z' },
  });
  merges.sort((a, b) => a.at - b.at);
  for (const merge of merges) {
    repo.commit({
      message: merge.subject,
      files: { [merge.file]: 'y\n' },
      author: merge.author,
      date: { at: new Date(merge.at - DAY) },
      committerDate: { at: new Date(merge.at) },
    });
  }
  inboxEpoch(join(root, 'devel'), 0).append(mails.map((mail) => ({ mail })));
  const config = join(root, 'project.json');
  writeFileSync(
    config,
    JSON.stringify({
      name: 'listed',
      repositories: [{ source: repo.path, name: 'xen' }],
      lists: [{ source: join(root, 'devel'), name: 'devel' }],
      affiliations: {
        defaultMap: false,
        organisations: {
          'corp-a.com': 'Corp A',
          'corp-b.com': 'Corp B',
          'corp-c.com': 'Corp C',
          'hostile.example': HOSTILE_NAME,
        },
      },
    }),
  );
  return {
    root,
    config,
    repo,
    counts: { changes, messages: mails.length, merged: merges.length },
    cleanup() {
      repo.cleanup();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the real `barometer collect` on the project into `<root>/listed.duckdb`, its clock on
 * 2 June 2018; returns the database's path. Throws with what it printed when it fails.
 */
export async function collectListProject(project: GeneratedList): Promise<string> {
  const db = join(project.root, 'listed.duckdb');
  const run = await runCli(['collect', project.config, '--db', db], {
    cwd: project.root,
    clock: () => new Date('2018-06-02T00:00:00Z'),
  });
  if (run.code !== 0) throw new Error(`collect failed (${run.code}):\n${run.stderr}`);
  return db;
}
