import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { applyAffiliations } from '../../../src/lib/identity/apply-affiliations.ts';
import {
  emptyAffiliationMaps,
  type AffiliationMaps,
} from '../../../src/lib/identity/affiliation-maps.ts';
import { defaultOrganisationLines } from '../../../src/lib/identity/default-map.ts';
import { parseEmailAliases } from '../../../src/lib/identity/parse-email-aliases.ts';
import { parseEmailMap } from '../../../src/lib/identity/parse-email-map.ts';
import { parseLogins } from '../../../src/lib/identity/parse-logins.ts';
import { parseMailmap } from '../../../src/lib/identity/parse-mailmap.ts';
import { contributionRows, insertCommits, insertReview, insertTrailers } from './raw-rows.ts';

let db: NodeDatabase;

beforeEach(async () => {
  db = await openNodeDatabase(':memory:');
  await ensureSchema(db);
});
afterEach(async () => {
  await db.close();
});

function maps(parts: {
  emailMap?: string;
  aliases?: string;
  mailmap?: string;
  logins?: string;
  defaults?: boolean;
}): AffiliationMaps {
  const m = emptyAffiliationMaps();
  if (parts.emailMap) m.organisations = parseEmailMap(parts.emailMap, 'map').entries;
  if (parts.aliases) m.aliases = parseEmailAliases(parts.aliases, 'aliases').entries;
  if (parts.mailmap) m.mailmap = parseMailmap(parts.mailmap, 'mailmap').entries;
  if (parts.logins) m.logins = parseLogins(parts.logins, 'logins').entries;
  if (parts.defaults) m.defaultOrganisations = defaultOrganisationLines();
  return m;
}

describe('applyAffiliations', () => {
  it('counts non-merge commits once, trailer and GitHub reviews, with people and organisations', async () => {
    await insertCommits(db, [
      { id: 'c1', name: 'Jane Doe', email: 'Jane@XenSource.com', time: '2007-01-01T10:00:00Z' },
      { id: 'c2', name: 'J. Doe', email: 'jane@citrix.com', time: '2012-06-01T00:00:00Z' },
      // The same commit in a second repository counts once, for the first repository by name.
      {
        repository: 'a-mirror',
        id: 'c2',
        name: 'J. Doe',
        email: 'jane@citrix.com',
        time: '2012-06-01T00:00:00Z',
      },
      {
        id: 'm1',
        parents: 2,
        name: 'Merger',
        email: 'merge@intel.com',
        time: '2013-01-01T00:00:00Z',
      },
      { id: 'c3', name: 'Bob', email: 'bob@gmail.com', time: '2014-12-31T23:59:59Z' },
      { id: 'c4', name: 'Bob Smith', email: 'bob@gmail.com', time: '2015-01-01T00:00:00Z' },
      { id: 'c5', name: 'Kim', email: 'kim@linux.intel.com', time: '2016-01-01T00:00:00Z' },
      { id: 'c6', name: 'Root', email: 'root@localhost', time: '2016-01-02T00:00:00Z' },
      { id: 'c7', name: 'Nobody', email: '', time: '2016-01-03T00:00:00Z' },
    ]);
    await insertTrailers(db, [
      {
        commit: 'c5',
        position: 0,
        key: 'Signed-off-by',
        value: 'Kim <kim@linux.intel.com>',
        name: 'Kim',
        email: 'kim@linux.intel.com',
      },
      {
        commit: 'c5',
        position: 1,
        key: 'Reviewed-by',
        value: 'Jane <JANE@citrix.com>',
        name: 'Jane',
        email: 'JANE@citrix.com',
      },
      {
        commit: 'c5',
        position: 2,
        key: 'ACKED-BY',
        value: 'Jane <jane@citrix.com>',
        name: 'Jane',
        email: 'jane@citrix.com',
      },
      { commit: 'c5', position: 3, key: 'Acked-by', value: 'Jan Beulich', name: null, email: null },
      {
        commit: 'c5',
        position: 4,
        key: 'Tested-by',
        value: 'T <t@amd.com>',
        name: 'T',
        email: 't@amd.com',
      },
      // Trailers of a merge commit are not reviews: the merge does not count.
      {
        commit: 'm1',
        position: 0,
        key: 'Reviewed-by',
        value: 'R <r@arm.com>',
        name: 'R',
        email: 'r@arm.com',
      },
      // The mirror's copy of c2's trailers is not counted twice.
      {
        commit: 'c2',
        position: 0,
        key: 'Reviewed-by',
        value: 'R <r@arm.com>',
        name: 'R',
        email: 'r@arm.com',
      },
      {
        repository: 'a-mirror',
        commit: 'c2',
        position: 0,
        key: 'Reviewed-by',
        value: 'R <r@arm.com>',
        name: 'R',
        email: 'r@arm.com',
      },
    ]);
    await insertReview(db, {
      id: 11,
      login: 'JaneGH',
      state: 'APPROVED',
      at: '2020-01-01T00:00:00Z',
    });
    await insertReview(db, {
      id: 12,
      login: 'bobby',
      state: 'COMMENTED',
      at: '2020-01-02T00:00:00Z',
    });
    await insertReview(db, {
      id: 13,
      login: 'ghost',
      state: 'CHANGES_REQUESTED',
      at: '2020-01-03T00:00:00Z',
    });
    await insertReview(db, {
      id: 14,
      login: 'ghost',
      state: 'DISMISSED',
      at: '2020-01-04T00:00:00Z',
    });
    await insertReview(db, { id: 15, login: 'ghost', state: 'PENDING', at: null });
    await db.exec(
      `INSERT INTO github_login_emails VALUES ('bobby', 'bob@old.example', 1), ('bobby', 'Bob@gmail.com', 5)`,
    );
    await db.exec(`INSERT INTO github_users VALUES ('ghost', 'Casper', 'Haunted Inc')`);

    const summary = await applyAffiliations(
      db,
      maps({
        defaults: true,
        aliases: 'jane@xensource.com jane@citrix.com\n',
        emailMap: 'bob@gmail.com  Citrix < 2015-01-01\nbob@gmail.com  SUSE\n',
        logins: 'janegh jane@citrix.com\n',
      }),
      { now: new Date('2024-01-01T00:00:00Z') },
    );
    expect(await contributionRows(db)).toEqual([
      {
        kind: 'commit',
        source: 'git',
        contribution_id: 'c1',
        repository: 'xen',
        commit_id: 'c1',
        time: '2007-01-01T10:00:00Z',
        person: 'jane@citrix.com',
        person_name: 'Jane',
        organisation: 'Citrix',
      },
      {
        kind: 'commit',
        source: 'git',
        contribution_id: 'c2',
        repository: 'a-mirror',
        commit_id: 'c2',
        time: '2012-06-01T00:00:00Z',
        person: 'jane@citrix.com',
        person_name: 'Jane',
        organisation: 'Citrix',
      },
      {
        kind: 'review',
        source: 'trailer',
        contribution_id: 'c2:0',
        repository: 'a-mirror',
        commit_id: 'c2',
        time: '2012-06-01T00:00:00Z',
        person: 'r@arm.com',
        person_name: 'R',
        organisation: 'Arm',
      },
      {
        kind: 'commit',
        source: 'git',
        contribution_id: 'c3',
        repository: 'xen',
        commit_id: 'c3',
        time: '2014-12-31T23:59:59Z',
        person: 'bob@gmail.com',
        person_name: 'Bob Smith',
        organisation: 'Citrix',
      },
      {
        kind: 'commit',
        source: 'git',
        contribution_id: 'c4',
        repository: 'xen',
        commit_id: 'c4',
        time: '2015-01-01T00:00:00Z',
        person: 'bob@gmail.com',
        person_name: 'Bob Smith',
        organisation: 'SUSE',
      },
      {
        kind: 'commit',
        source: 'git',
        contribution_id: 'c5',
        repository: 'xen',
        commit_id: 'c5',
        time: '2016-01-01T00:00:00Z',
        person: 'kim@linux.intel.com',
        person_name: 'Kim',
        organisation: 'Intel',
      },
      {
        kind: 'review',
        source: 'trailer',
        contribution_id: 'c5:1',
        repository: 'xen',
        commit_id: 'c5',
        time: '2016-01-01T00:00:00Z',
        person: 'jane@citrix.com',
        person_name: 'Jane',
        organisation: 'Citrix',
      },
      {
        kind: 'review',
        source: 'trailer',
        contribution_id: 'c5:2',
        repository: 'xen',
        commit_id: 'c5',
        time: '2016-01-01T00:00:00Z',
        person: 'jane@citrix.com',
        person_name: 'Jane',
        organisation: 'Citrix',
      },
      {
        kind: 'review',
        source: 'trailer',
        contribution_id: 'c5:3',
        repository: 'xen',
        commit_id: 'c5',
        time: '2016-01-01T00:00:00Z',
        person: null,
        person_name: 'Jan Beulich',
        organisation: 'Unknown',
      },
      {
        kind: 'commit',
        source: 'git',
        contribution_id: 'c6',
        repository: 'xen',
        commit_id: 'c6',
        time: '2016-01-02T00:00:00Z',
        person: 'root@localhost',
        person_name: 'Root',
        organisation: 'Unknown',
      },
      {
        kind: 'commit',
        source: 'git',
        contribution_id: 'c7',
        repository: 'xen',
        commit_id: 'c7',
        time: '2016-01-03T00:00:00Z',
        person: null,
        person_name: 'Nobody',
        organisation: 'Unknown',
      },
      {
        kind: 'review',
        source: 'github',
        contribution_id: 'github:11',
        repository: 'xen-project/xen',
        commit_id: null,
        time: '2020-01-01T00:00:00Z',
        person: 'jane@citrix.com',
        person_name: 'Jane',
        organisation: 'Citrix',
      },
      {
        kind: 'review',
        source: 'github',
        contribution_id: 'github:12',
        repository: 'xen-project/xen',
        commit_id: null,
        time: '2020-01-02T00:00:00Z',
        person: 'bob@gmail.com',
        person_name: 'Bob Smith',
        organisation: 'SUSE',
      },
      {
        kind: 'review',
        source: 'github',
        contribution_id: 'github:13',
        repository: 'xen-project/xen',
        commit_id: null,
        time: '2020-01-03T00:00:00Z',
        person: 'ghost@users.noreply.github.com',
        person_name: 'Casper',
        organisation: 'Unknown',
      },
    ]);
    expect(summary).toMatchObject({ commits: 7, trailerReviews: 4, githubReviews: 3, unknown: 4 });
  });
});

describe('applyAffiliations with skipWhenUnchanged', () => {
  it('keeps contributions only while no raw row and no map has changed since the last apply', async () => {
    await insertCommits(db, [
      { id: 'c1', name: 'Jane', email: 'jane@citrix.com', time: '2020-01-01T00:00:00Z' },
    ]);
    await insertReview(db, { id: 1, login: 'bob', state: 'COMMENTED', at: '2020-01-02T00:00:00Z' });
    const rules = maps({ defaults: true });
    const apply = (m: AffiliationMaps) =>
      applyAffiliations(db, m, { now: new Date(0), skipWhenUnchanged: true });
    // A mark in the derived table: an apply that rebuilds it wipes the mark, one that skips keeps it.
    const mark = () => db.exec(`UPDATE contributions SET person_name = 'kept'`);
    const kept = async () =>
      (await contributionRows(db)).every((row) => row.person_name === 'kept');

    const first = await apply(rules);
    expect(first.unchanged).toBeUndefined();
    expect(first).toMatchObject({ commits: 1, githubReviews: 1 });
    await mark();
    expect(await apply(rules)).toEqual({ ...first, unchanged: true });
    expect(await kept()).toBe(true);

    // A row updated in place (same counts) is a change: the review no longer counts.
    await db.exec(`UPDATE github_reviews SET state = 'DISMISSED'`);
    const updated = await apply(rules);
    expect(updated.unchanged).toBeUndefined();
    expect(updated.githubReviews).toBe(0);
    expect(await kept()).toBe(false);

    // So is another map.
    await mark();
    const other = maps({ emailMap: 'citrix.com Citrix Systems\n' });
    expect((await apply(other)).unchanged).toBeUndefined();
    expect((await contributionRows(db)).map((row) => row.organisation)).toEqual(['Citrix Systems']);

    // Without the option, an apply always rebuilds.
    await mark();
    const forced = await applyAffiliations(db, other, { now: new Date(0) });
    expect(forced.unchanged).toBeUndefined();
    expect(await kept()).toBe(false);
  });
});
