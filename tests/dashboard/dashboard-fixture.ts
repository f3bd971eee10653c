/**
 * Projects for the dashboard's browser tests: the generated ten-year project of the report tests
 * (organisations with known stories), plus organisations with a hostile and an extremely long
 * name, written to a real DuckDB file as the collector and the affiliation step would.
 */
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import { insertFixture, type FixtureCommit } from '../lib/metrics/contributions-fixture.ts';
import { generatedProject } from '../lib/report/generated-project.ts';

/** An organisation whose name is markup: it must show as these characters and run nothing. */
export const HOSTILE_ORG = '<img src=x onerror=alert(1)>';

/** An organisation whose name is far longer than any label has room for. */
export const LONG_ORG = `The ${'Extraordinarily '.repeat(8)}Long-Named Consortium for Open Hypervisor Research GmbH`;

/** Commits by the hostile and the long-named organisation, enough to rank in 2017–2018. */
function oddCommits(): FixtureCommit[] {
  const commits: FixtureCommit[] = [];
  for (let i = 0; i < 30; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    commits.push({
      time: `2017-${month}-${String(1 + (i % 27)).padStart(2, '0')}T08:00:00Z`,
      email: `dev${i % 3}@hostile.example`,
      name: `<script>alert("name ${i}")</script>`,
      organisation: HOSTILE_ORG,
      repositories: ['xen'],
      files: ['xen/arch/arm/hostile.c'],
      reviews: i % 2 === 0 ? [{ email: 'rev@hostile.example', organisation: HOSTILE_ORG }] : [],
      id: `ffff${String(i).padStart(4, '0')}${'e'.repeat(32)}`,
    });
  }
  for (let i = 0; i < 12; i++) {
    commits.push({
      time: `2018-0${1 + (i % 5)}-1${i % 10}T09:00:00Z`,
      email: `dev@long.example`,
      organisation: LONG_ORG,
      repositories: ['osstest'],
      files: ['tools/long.c'],
      id: `eeee${String(i).padStart(4, '0')}${'d'.repeat(32)}`,
    });
  }
  return commits;
}

/** Writes the generated project (with the odd organisations) to a new database file at `path`. */
export async function writeProjectDatabase(path: string): Promise<void> {
  const db = await openNodeDatabase(path);
  try {
    await ensureSchema(db);
    const { commits, githubReviews } = generatedProject();
    await insertFixture(db, [...commits, ...oddCommits()], githubReviews);
    await db.exec(`INSERT INTO repositories VALUES
      ('osstest', '/src/osstest', 'main', NULL, NULL),
      ('xen', '/src/xen', 'main', NULL, NULL)`);
  } finally {
    await db.close();
  }
}

/** Writes a project with exactly one commit (2016-05-04, by Citrix) to `path`. */
export async function writeOneCommitDatabase(path: string): Promise<void> {
  const db = await openNodeDatabase(path);
  try {
    await ensureSchema(db);
    await insertFixture(db, [
      {
        time: '2016-05-04T12:00:00Z',
        email: 'solo@citrix.com',
        organisation: 'Citrix',
        repositories: ['solo'],
        files: ['README'],
      },
    ]);
    await db.exec(`INSERT INTO repositories VALUES ('solo', '/src/solo', 'main', NULL, NULL)`);
  } finally {
    await db.close();
  }
}

/** Writes a Barometer database with its schema and no contributions to `path`. */
export async function writeEmptyDatabase(path: string): Promise<void> {
  const db = await openNodeDatabase(path);
  try {
    await ensureSchema(db);
  } finally {
    await db.close();
  }
}
