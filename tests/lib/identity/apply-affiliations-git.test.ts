/**
 * End to end on generated repositories: git history → collector → raw tables → maps → exact
 * `contributions` rows. Mailmaps (the repository's own and the project's), aliases, a job change on
 * a personal address, subdomains, upper-case addresses, trailers by mapped and unmapped people,
 * merges, and one commit held by two repositories.
 */
import * as NodeFs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRepository } from '../../../collectors/git/collect-repository.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { silentLogger } from '../../../src/lib/effects.ts';
import { loadAffiliationMapFiles } from '../../../src/lib/identity/affiliation-maps.ts';
import { applyAffiliations } from '../../../src/lib/identity/apply-affiliations.ts';
import { createRepository, type GitFixture } from '../../helpers/git-fixture.ts';
import { contributionRows } from './raw-rows.ts';

const files: Record<string, string> = {
  'project.mailmap': 'Robert Smith <bob@gmail.com> Bob <bob@gmail.com>\n',
  aliases: '# Bob used his old ISP address once\nbob@old.example  bob@gmail.com\n',
  'email-map': [
    '# Bob moved from Citrix to SUSE, always on his gmail address',
    'bob@gmail.com   Citrix < 2015-01-01',
    'bob@gmail.com   SUSE',
  ].join('\n'),
};

const JANE = { name: 'Jane Doe', email: 'Jane@XenSource.com' };
const ROOT = { message: 'Initial import\n', author: JANE, date: { at: '2007-03-01T12:00:00Z' } };

let xen: GitFixture;
let mirror: GitFixture;
let db: NodeDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  xen = createRepository();
  mirror = createRepository();
  ids.root = xen.commit(ROOT);
  // The mirror starts with the very same commit (same tree, identity and dates: same id).
  expect(mirror.commit(ROOT)).toBe(ids.root);
  ids.jane = xen.commit({
    message: [
      'Add the scheduler',
      '',
      'A line in prose is not a trailer:',
      'Reviewed-by: in the body is not a trailer',
      '',
      'Signed-off-by: Jane Doe <jane@citrix.com>',
      'Reviewed-by: Kim Lee <KIM@Linux.Intel.com>',
      'Acked-by: Una Known <una@bigcorp.example>',
      'Acked-by: Jan Beulich',
      'reviewed-BY: Kim Lee <kim@linux.intel.com>',
      '',
    ].join('\n'),
    files: { 'sched.c': 'int x;\n' },
    author: { name: 'Jane Doe', email: 'jane@citrix.com' },
    date: { at: '2012-01-01T10:00:00Z', tz: '+0100' },
  });
  ids.alias = xen.commit({
    message: 'Old ISP address\n',
    author: { name: 'Bob', email: 'BOB@Old.Example' },
    date: { at: '2014-07-01T00:00:00Z' },
  });
  ids.bobBefore = xen.commit({
    message: 'Last day at Citrix\n',
    author: { name: 'Bob', email: 'bob@gmail.com' },
    date: { at: '2014-12-31T23:59:59Z' },
  });
  xen.checkout('topic', true);
  ids.topic = xen.commit({
    message: 'Topic work\n\nReviewed-by: Kim Lee <kim@linux.intel.com>\n',
    author: { name: 'Kim Lee', email: 'KIM@LINUX.INTEL.COM' },
    date: { at: '2015-03-01T00:00:00Z' },
  });
  xen.checkout('main');
  ids.bobAfter = xen.commit({
    message: 'First day at SUSE\n',
    author: { name: 'Bob Smith', email: 'bob@gmail.com' },
    date: { at: '2015-01-01T00:00:00Z' },
    files: { '.mailmap': 'Jane Doe <jane@citrix.com> <jane@xensource.com>\n' },
  });
  ids.merge = xen.merge('topic', {
    message: 'Merge topic\n\nReviewed-by: Merge Reviewer <mr@arm.com>\n',
    author: { name: 'Jane Doe', email: 'jane@citrix.com' },
    date: { at: '2015-04-01T00:00:00Z' },
  });

  db = await openNodeDatabase(':memory:');
  await ensureSchema(db);
  const clock = () => new Date('2024-01-01T00:00:00Z');
  for (const [name, fixture] of [
    ['xen', xen],
    ['a-mirror', mirror],
  ] as const) {
    await collectRepository({
      db,
      repository: { source: fixture.path, name },
      fs: NodeFs,
      logger: silentLogger,
      clock,
      engine: 'isomorphic-git',
    });
  }
});

afterAll(async () => {
  await db?.close();
  xen?.cleanup();
  mirror?.cleanup();
});

async function loadMaps(defaultMap = true) {
  return loadAffiliationMapFiles(
    {
      defaultMap,
      mailmaps: ['project.mailmap'],
      aliases: ['aliases'],
      emailMaps: ['email-map'],
    },
    {
      read: async (path) => files[path]!,
      resolve: (_from, name) => name,
    },
  );
}

describe('applyAffiliations on collected repositories', () => {
  it('gives exactly the contributions docs/definitions.md defines', async () => {
    const summary = await applyAffiliations(db, await loadMaps(), {
      now: new Date('2024-01-01T00:00:00Z'),
    });
    const commit = (
      id: string,
      repository: string,
      time: string,
      person: string,
      name: string,
      organisation: string,
    ) => ({
      kind: 'commit',
      source: 'git',
      contribution_id: id,
      repository,
      commit_id: id,
      time,
      person,
      person_name: name,
      organisation,
    });
    const review = (
      id: string,
      position: number,
      time: string,
      person: string | null,
      name: string,
      organisation: string,
    ) => ({
      kind: 'review',
      source: 'trailer',
      contribution_id: `${id}:${position}`,
      repository: 'xen',
      commit_id: id,
      time,
      person,
      person_name: name,
      organisation,
    });
    const expected = [
      commit(
        ids.root!,
        'a-mirror',
        '2007-03-01T12:00:00Z',
        'jane@citrix.com',
        'Jane Doe',
        'Citrix',
      ),
      commit(ids.jane!, 'xen', '2012-01-01T10:00:00Z', 'jane@citrix.com', 'Jane Doe', 'Citrix'),
      review(ids.jane!, 1, '2012-01-01T10:00:00Z', 'kim@linux.intel.com', 'Kim Lee', 'Intel'),
      review(ids.jane!, 2, '2012-01-01T10:00:00Z', 'una@bigcorp.example', 'Una Known', 'Unknown'),
      review(ids.jane!, 3, '2012-01-01T10:00:00Z', null, 'Jan Beulich', 'Unknown'),
      review(ids.jane!, 4, '2012-01-01T10:00:00Z', 'kim@linux.intel.com', 'Kim Lee', 'Intel'),
      commit(ids.alias!, 'xen', '2014-07-01T00:00:00Z', 'bob@gmail.com', 'Robert Smith', 'Citrix'),
      commit(
        ids.bobBefore!,
        'xen',
        '2014-12-31T23:59:59Z',
        'bob@gmail.com',
        'Robert Smith',
        'Citrix',
      ),
      commit(ids.topic!, 'xen', '2015-03-01T00:00:00Z', 'kim@linux.intel.com', 'Kim Lee', 'Intel'),
      review(ids.topic!, 0, '2015-03-01T00:00:00Z', 'kim@linux.intel.com', 'Kim Lee', 'Intel'),
      commit(ids.bobAfter!, 'xen', '2015-01-01T00:00:00Z', 'bob@gmail.com', 'Robert Smith', 'SUSE'),
    ].sort((a, b) => (a.contribution_id < b.contribution_id ? -1 : 1));
    expect(await contributionRows(db)).toEqual(expected);
    expect(summary).toMatchObject({
      commits: 6,
      trailerReviews: 5,
      githubReviews: 0,
      people: 4,
      unknown: 2,
    });
    // The mirror has no .mailmap, so only xen's is recorded.
    expect(summary.maps.map((m) => [m.file, m.kind])).toEqual([
      ['xen/.mailmap', 'repository-mailmap'],
      ['email-map', 'email-map'],
      ['aliases', 'aliases'],
      ['project.mailmap', 'mailmap'],
      ['default-email-map', 'default-map'],
    ]);
  });

  it('re-resolves without mining when a map changes: no default map, so Citrix and Intel go', async () => {
    await applyAffiliations(db, await loadMaps(false));
    const rows = await db.query<{ organisation: string; n: number }>(
      `SELECT organisation, count(*) AS n FROM contributions GROUP BY organisation ORDER BY organisation`,
    );
    expect(rows).toEqual([
      { organisation: 'Citrix', n: 2 },
      { organisation: 'SUSE', n: 1 },
      { organisation: 'Unknown', n: 8 },
    ]);
  });

  it('leaves the previous table when the apply fails', async () => {
    const before = await contributionRows(db);
    await db.exec('DROP TABLE person_affiliations');
    await db.exec('CREATE TABLE person_affiliations (person INTEGER)');
    await expect(applyAffiliations(db, await loadMaps())).rejects.toThrow();
    expect(await contributionRows(db)).toEqual(before);
    await db.exec('DROP TABLE person_affiliations');
  });
});
