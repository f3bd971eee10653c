/**
 * `barometer affiliations` on a real database made by `barometer collect` from a generated
 * repository, plus GitHub rows as the GitHub collector stores them.
 */
import * as NodeFs from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as NodeFsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAffiliationMaps } from '../../src/cli/load-maps.ts';
import { main } from '../../src/cli/main.ts';
import { resolveProjectTarget } from '../../src/cli/project-target.ts';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { createRepository, type GitFixture } from '../helpers/git-fixture.ts';
import { capture } from '../helpers/capture.ts';
import { runCli } from '../helpers/run-cli.ts';

let repo: GitFixture;
let cwd: string;
const DB = 'data/p.duckdb';

const run = (...args: string[]) =>
  runCli(['affiliations', ...args], { cwd, clock: () => new Date('2024-01-01T00:00:00Z') });

function write(path: string, text: string) {
  mkdirSync(join(cwd, path, '..'), { recursive: true });
  writeFileSync(join(cwd, path), text);
}

beforeAll(async () => {
  repo = createRepository();
  cwd = repo.root;
  const ann = { name: 'Ann', email: 'ann@bigcorp.example' };
  repo.commit({ message: 'a\n', author: ann, date: { at: '2019-01-01T00:00:00Z' } });
  repo.commit({
    message: 'b\n\nReviewed-by: Zed <zed@gmail.com>\n',
    author: ann,
    date: { at: '2020-01-01T00:00:00Z' },
  });
  repo.commit({
    message: 'c\n',
    author: { name: 'Kim', email: 'Kim@Linux.Intel.com' },
    date: { at: '2020-02-01T00:00:00Z' },
  });
  repo.commit({
    message: 'd\n',
    author: { name: 'Old Ann', email: 'ann@oldcorp.example' },
    date: { at: '2010-05-01T00:00:00Z' },
  });
  const stderr = capture();
  const code = await main(['collect', repo.path, '--db', DB], {
    cwd,
    stdout: capture(),
    stderr,
  });
  expect(code, stderr.text).toBe(0);
  const db = await openNodeDatabase(join(cwd, DB));
  await db.exec(`INSERT INTO github_reviews VALUES
    (1, 'o/r', 1, 'ghosty', 'APPROVED', TIMESTAMP '2021-01-01'),
    (2, 'o/r', 1, 'AnnGH', 'COMMENTED', TIMESTAMP '2021-01-02'),
    (3, 'o/r', 1, 'ghosty', 'PENDING', NULL)`);
  await db.exec(`INSERT INTO github_users VALUES ('ghosty', 'G', '=HYPERLINK("x")')`);
  await db.close();
  write('maps/aliases', 'ann@oldcorp.example ann@bigcorp.example\n');
  write(
    'maps/email-map',
    '# ours\nbigcorp.example  Big Corp < 2020-01-01\nbigcorp.example  Bigger Corp\n',
  );
  write('maps/bad-map', 'ok.example  OK\nbad.example  Bad < 2020-02-30\n');
  write('maps/logins', 'AnnGH ann@bigcorp.example\n');
  write('maps/acme', 'zed@gmail.com\n');
  write('maps/gitdm.config', 'EmailAliases aliases\nGroupMap acme Acme Inc\n');
});

afterAll(() => repo?.cleanup());

describe('barometer affiliations apply', () => {
  it('rebuilds contributions and says what it did', async () => {
    const result = await run('apply', DB);
    expect(result).toEqual({
      code: 0,
      stdout:
        'applied 1 map to data/p.duckdb: 4 commits, 3 reviews (1 from trailers, 2 from GitHub), 6 people; Unknown: 6 (85.7% of contributions)\n',
      stderr: '',
    });
  });

  it('reads every map flag and names each map it applied', async () => {
    const result = await run(
      'apply',
      DB,
      '--email-map',
      'maps/email-map',
      '--gitdm-config',
      'maps/gitdm.config',
      '--logins=maps/logins',
      '--no-default-map',
    );
    expect(result.stdout).toBe(
      'applied 5 maps to data/p.duckdb: 4 commits, 3 reviews (1 from trailers, 2 from GitHub), 4 people; Unknown: 2 (28.6% of contributions)\n',
    );
    const db = await openNodeDatabase(join(cwd, DB));
    expect(
      await db.query(
        `SELECT position, file, kind, lines, entries FROM affiliation_maps ORDER BY position`,
      ),
    ).toEqual([
      { position: 1, file: 'maps/gitdm.config', kind: 'gitdm-config', lines: 2, entries: 2 },
      { position: 2, file: 'maps/aliases', kind: 'aliases', lines: 1, entries: 1 },
      { position: 3, file: 'maps/acme', kind: 'group-map', lines: 1, entries: 1 },
      { position: 4, file: 'maps/email-map', kind: 'email-map', lines: 3, entries: 2 },
      { position: 5, file: 'maps/logins', kind: 'logins', lines: 1, entries: 1 },
    ]);
    expect(
      await db.query(
        `SELECT contribution_id LIKE 'github:%' AS github, strftime(time, '%Y-%m-%d') AS day, person, organisation
         FROM contributions ORDER BY time, person`,
      ),
    ).toEqual([
      { github: false, day: '2010-05-01', person: 'ann@bigcorp.example', organisation: 'Big Corp' },
      { github: false, day: '2019-01-01', person: 'ann@bigcorp.example', organisation: 'Big Corp' },
      {
        github: false,
        day: '2020-01-01',
        person: 'ann@bigcorp.example',
        organisation: 'Bigger Corp',
      },
      { github: false, day: '2020-01-01', person: 'zed@gmail.com', organisation: 'Acme Inc' },
      { github: false, day: '2020-02-01', person: 'kim@linux.intel.com', organisation: 'Unknown' },
      {
        github: true,
        day: '2021-01-01',
        person: 'ghosty@users.noreply.github.com',
        organisation: 'Unknown',
      },
      {
        github: true,
        day: '2021-01-02',
        person: 'ann@bigcorp.example',
        organisation: 'Bigger Corp',
      },
    ]);
    await db.close();
  });

  it('reads a project config: its maps, inline organisations and database', async () => {
    write(
      'p.json',
      JSON.stringify({
        name: 'p',
        repositories: [repo.path],
        affiliations: {
          aliases: ['maps/aliases'],
          organisations: {
            'bigcorp.example': 'Big Corp',
            'zed@gmail.com': [
              { organisation: 'Zed Co', until: '2019-06-01' },
              { organisation: 'Zed Ltd' },
            ],
          },
        },
      }),
    );
    const result = await run('apply', 'p.json', '--db', DB);
    expect(result.stdout).toBe(
      'applied 3 maps to data/p.duckdb: 4 commits, 3 reviews (1 from trailers, 2 from GitHub), 5 people; Unknown: 2 (28.6% of contributions)\n',
    );
    const who = await run('who', 'zed@gmail.com', 'p.json', '--db', DB);
    expect(who.stdout).toBe(
      [
        'zed@gmail.com (Zed)',
        '  contributions: 0 commits, 1 review',
        '  seen as:',
        '    Zed <zed@gmail.com>',
        '  organisation over time:',
        '    before 2019-06-01         Zed Co                  0 commits    0 reviews  p.json (affiliations.organisations.zed@gmail.com[0]) (zed@gmail.com)',
        '    from 2019-06-01           Zed Ltd                 0 commits     1 review  p.json (affiliations.organisations.zed@gmail.com[1]) (zed@gmail.com)',
        '',
      ].join('\n'),
    );
  });
});

describe('barometer affiliations unknown', () => {
  it('lists unmapped domains and addresses by weight with their share and GitHub hints', async () => {
    const result = await run('unknown', DB);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Unknown: 3 of 4 commits (75.0%), 3 of 3 reviews (100.0%)',
        '',
        'commits  share  reviews  share  people  domain or address                hint',
        '      2  50.0%        0   0.0%       1  bigcorp.example',
        '      1  25.0%        0   0.0%       1  oldcorp.example',
        '      0   0.0%        1  33.3%       1  anngh@users.noreply.github.com   GitHub anngh',
        '      0   0.0%        1  33.3%       1  ghosty@users.noreply.github.com  GitHub ghosty: "=HYPERLINK(\\"x\\")"',
        '      0   0.0%        1  33.3%       1  zed@gmail.com',
        '',
        'Map them in a gitdm EmailMap file (`--format gitdm` prints lines to fill in), then run `barometer affiliations apply`.',
        '',
      ].join('\n'),
    );
  });

  it('takes the maps given on the command line without changing the database', async () => {
    const result = await run(
      'unknown',
      DB,
      '--aliases',
      'maps/aliases',
      '--since',
      '2020-01-01',
      '--limit',
      '1',
    );
    expect(result.stdout).toBe(
      [
        'Unknown since 2020-01-01: 1 of 2 commits (50.0%), 3 of 3 reviews (100.0%)',
        '',
        'commits  share  reviews  share  people  domain or address  hint',
        '      1  50.0%        0   0.0%       1  bigcorp.example',
        '... and 3 more (--limit N shows more)',
        '',
        'Map them in a gitdm EmailMap file (`--format gitdm` prints lines to fill in), then run `barometer affiliations apply`.',
        '',
      ].join('\n'),
    );
    const db = await openNodeDatabase(join(cwd, DB));
    // The stored table is still the one the last `apply` wrote (the project config's).
    expect(await db.query(`SELECT file FROM affiliation_maps ORDER BY position`)).toEqual([
      { file: 'maps/aliases' },
      { file: 'p.json' },
      { file: 'default-email-map' },
    ]);
    await db.close();
  });

  it('prints EmailMap lines to fill in, which the parser refuses until they are filled', async () => {
    const result = await run('unknown', DB, '--format', 'gitdm', '--no-default-map');
    expect(result.stdout).toBe(
      [
        '# Unmapped addresses and domains, biggest first. Replace each ? with the organisation',
        '# (add "< YYYY-MM-DD" for a line that holds only before that day), delete the lines you cannot',
        '# fill, and pass the file with --email-map or name it in the project config.',
        'bigcorp.example                  ?  # 2 commits (50.0%), 0 reviews (0.0%), 1 person',
        'linux.intel.com                  ?  # 1 commit (25.0%), 0 reviews (0.0%), 1 person',
        'oldcorp.example                  ?  # 1 commit (25.0%), 0 reviews (0.0%), 1 person',
        'anngh@users.noreply.github.com   ?  # 0 commits (0.0%), 1 review (33.3%), 1 person; GitHub anngh',
        'ghosty@users.noreply.github.com  ?  # 0 commits (0.0%), 1 review (33.3%), 1 person; GitHub ghosty: "=HYPERLINK(\\"x\\")"',
        'zed@gmail.com                    ?  # 0 commits (0.0%), 1 review (33.3%), 1 person',
        '',
      ].join('\n'),
    );
    write('maps/todo', result.stdout);
    const refused = await run('apply', DB, '--email-map', 'maps/todo');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'barometer affiliations: maps/todo:4: organisation not filled in ("?") (and 5 more problems; --verbose lists them all)\n',
    );
    const listed = await run('apply', DB, '--email-map', 'maps/todo', '--verbose');
    expect(listed.stderr.split('\n').filter((line) => line.startsWith('  maps/todo:'))).toEqual(
      [4, 5, 6, 7, 8, 9].map((line) => `  maps/todo:${line}: organisation not filled in ("?")`),
    );
  });

  it('writes CSV with formula-looking cells neutralised', async () => {
    const result = await run(
      'unknown',
      DB,
      '--format=csv',
      '--limit',
      '2',
      '--since',
      '2021-01-01',
    );
    expect(result.stdout).toBe(
      'kind,entry,commits,commit_share,reviews,review_share,people,github_logins,github_companies\r\n' +
        'address,anngh@users.noreply.github.com,0,0,1,0.5,1,anngh,\r\n' +
        'address,ghosty@users.noreply.github.com,0,0,1,0.5,1,ghosty,"\'=HYPERLINK(""x"")"\r\n',
    );
  });
});

describe('barometer affiliations who', () => {
  it('shows aliases, names, logins and the organisation over time with the deciding lines', async () => {
    const result = await run(
      'who',
      'ANN@oldcorp.example',
      DB,
      '--aliases',
      'maps/aliases',
      '--email-map',
      'maps/email-map',
      '--logins',
      'maps/logins',
    );
    expect(result.stdout).toBe(
      [
        'ann@bigcorp.example (Ann)',
        '  ANN@oldcorp.example is an alias of ann@bigcorp.example',
        '  contributions: 3 commits, 1 review',
        '  seen as:',
        '    Ann <ann@bigcorp.example>',
        '    Old Ann <ann@oldcorp.example>  via maps/aliases:1',
        '  aliases in the maps:',
        '    ann@oldcorp.example  (maps/aliases:1)',
        '  GitHub:',
        '    anngh  (logins: maps/logins:1)',
        '  organisation over time:',
        '    before 2020-01-01         Big Corp                2 commits    0 reviews  maps/email-map:2 (bigcorp.example)',
        '    from 2020-01-01           Bigger Corp              1 commit     1 review  maps/email-map:3 (bigcorp.example)',
        '',
      ].join('\n'),
    );
  });

  it('says why a person is Unknown', async () => {
    const result = await run('who', 'kim@linux.intel.com', DB, '--no-default-map');
    expect(result.stdout).toBe(
      [
        'kim@linux.intel.com (Kim)',
        '  contributions: 1 commit, 0 reviews',
        '  seen as:',
        '    Kim <Kim@Linux.Intel.com>',
        '  organisation over time:',
        '    always                    Unknown                  1 commit    0 reviews  no map line names kim@linux.intel.com or linux.intel.com for these dates',
        '',
      ].join('\n'),
    );
  });
});

describe('barometer affiliations errors', () => {
  it('names file, line and problem for a bad map line', async () => {
    expect(await run('apply', DB, '--email-map', 'maps/bad-map')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'barometer affiliations: maps/bad-map:2: not a date after "<": "2020-02-30" (expected YYYY-MM-DD)\n',
    });
  });

  it('reports conflicts naming both lines', async () => {
    write('maps/other', 'bigcorp.example  Someone Else < 2020-01-01\n');
    const result = await run(
      'apply',
      DB,
      '--email-map',
      'maps/email-map',
      '--email-map',
      'maps/other',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'barometer affiliations: maps/other:1: conflict: bigcorp.example is Someone Else here and Big Corp at maps/email-map:2 for the same dates\n',
    );
  });

  it('rejects missing files, databases, bad flags and sub-commands with one line each', async () => {
    const cases: [string[], number, string][] = [
      [['apply', DB, '--email-map', 'maps/none'], 3, 'maps/none: cannot read map file (ENOENT)'],
      [['apply', 'data/none.duckdb'], 3, 'data/none.duckdb: no such file or folder'],
      [
        ['apply', DB, '--group-map', 'maps/acme'],
        2,
        '--group-map needs FILE:Organisation, got "maps/acme"',
      ],
      [
        ['unknown', DB, '--since', '2020-13-01'],
        2,
        "--since must be a date YYYY-MM-DD, got '2020-13-01'",
      ],
      [['unknown', DB, '--limit', '0'], 2, "--limit must be a whole number from 1, got '0'"],
      [
        ['unknown', DB, '--format', 'xml'],
        2,
        "--format must be one of text, gitdm, csv, got 'xml'",
      ],
      [
        ['apply', DB, '--frobnicate'],
        2,
        "unknown option '--frobnicate' (see barometer affiliations --help)",
      ],
      [['who'], 2, 'affiliations who needs an ADDRESS (e.g. jane@example.org)'],
      [['who', 'nobody', DB], 2, "not an e-mail address: 'nobody'"],
      [['fix'], 2, "unknown sub-command 'fix' (expected apply, unknown or who)"],
      [[], 2, 'affiliations needs a sub-command: apply, unknown or who'],
    ];
    for (const [args, code, message] of cases) {
      const result = await run(...args);
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({
        args,
        code,
        stderr: `barometer affiliations: ${message}\n`,
      });
    }
  });
});

describe('loadAffiliationMaps', () => {
  it('reads through node:fs as well as node:fs/promises, as collect passes it', async () => {
    const target = await resolveProjectTarget(DB, {
      cwd,
      emailMaps: ['maps/email-map'],
      noDefaultMap: true,
    });
    for (const fs of [NodeFs, NodeFsPromises]) {
      const maps = await loadAffiliationMaps(target, { cwd, logins: ['maps/logins'] }, fs);
      expect(maps.files.map((f) => `${f.file} ${f.kind} ${f.entries}`)).toEqual([
        'maps/email-map email-map 2',
        'maps/logins logins 1',
      ]);
    }
  });
});
