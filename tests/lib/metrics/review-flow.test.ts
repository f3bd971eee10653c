/**
 * The mailing-list figures, end to end: the review scenario (tests/collectors/mail) collected by
 * the real `barometer collect` with its repository, lists and maps, then every mail metric checked
 * against figures worked out by hand, on DuckDB for Node and on duckdb-wasm alike, and the weather
 * report's `reviewFlow`, `mail` and sentences.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import {
  mailReviewers,
  reviewersForHalf,
} from '../../../src/lib/metrics/mail-reviewers/mail-reviewers.ts';
import { mailReviewersByYear } from '../../../src/lib/metrics/mail-reviewers-by-year/mail-reviewers-by-year.ts';
import { mailReviewsByOrganisation } from '../../../src/lib/metrics/mail-reviews-by-organisation/mail-reviews-by-organisation.ts';
import { mailTotals } from '../../../src/lib/metrics/mail-totals/mail-totals.ts';
import { reviewFlow } from '../../../src/lib/metrics/review-flow/review-flow.ts';
import { buildWeatherReport } from '../../../src/lib/report/build-weather-report.ts';
import { reportFigures } from '../../../src/lib/report/report-figures.ts';
import { renderText } from '../../../src/lib/report/render-text.ts';
import { buildScenario, type Scenario } from '../../collectors/mail/review-scenario.ts';
import { wasmCopyOf } from '../../helpers/copy-tables.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { params } from './contributions-fixture.ts';

/** The tables the mail metrics read. */
const TABLES = [
  'contributions',
  'commits',
  'commit_files',
  'messages',
  'message_lists',
  'message_files',
  'message_tags',
  'mail_threads',
  'mail_changes',
  'mail_change_commits',
  'mail_change_repositories',
  'mail_review_tags',
];

describe('review flow on the mailing lists', () => {
  let scenario: Scenario;
  let node: NodeDatabase;
  let wasm: Database;
  let closeEngine: () => void;
  let collectOutput: string;

  beforeAll(async () => {
    scenario = buildScenario();
    const dbPath = join(scenario.root, 'scenario.duckdb');
    const run = await runCli(['collect', scenario.config, '--db', dbPath], {
      cwd: scenario.root,
      clock: () => new Date('2020-01-01T00:00:00Z'),
    });
    expect(run.stderr).not.toMatch(/Error|at /);
    expect(run.code).toBe(0);
    collectOutput = `${run.stderr}${run.stdout}`;
    node = await openNodeDatabase(dbPath);
    ({ wasm, close: closeEngine } = await wasmCopyOf(node, TABLES));
  }, 60_000);
  afterAll(async () => {
    await node?.close();
    closeEngine?.();
    scenario?.repo.cleanup();
    if (scenario) rmSync(scenario.root, { recursive: true, force: true });
  });

  it('prints one line per list and one line counting what could not be read', () => {
    expect(collectOutput).toMatch(
      /^devel: 23 messages added \(1 removed\) in \d+\.\d s \(git-cli\)$/m,
    );
    expect(collectOutput).toMatch(
      /^other: 1 messages added \(1 already stored\) in \d+\.\d s \(mbox\)$/m,
    );
    expect(collectOutput).toContain(
      'messages not read whole: 1 without a Message-ID (skipped), 1 with an unreadable date (archive time used), 1 with broken MIME, 1 with an unknown charset, 1 huge (headers only)',
    );
    expect(collectOutput).toMatch(/affiliations applied: 5 commits and 5 reviews by \d+ people/);
  });

  it('threads changes and credits review messages to their senders in contributions', async () => {
    expect(
      await node.query(
        `SELECT change_id, person, subject, posted, versions, series FROM mail_changes ORDER BY posted`,
      ),
    ).toEqual([
      {
        change_id: 'c3@corp-b.com',
        person: 'bob@corp-b.com',
        subject: 'docs: fix typo',
        posted: new Date('2017-12-01T00:00:00Z'),
        versions: 1,
        series: 1,
      },
      {
        change_id: 'c1-v1-0@corp-a.com',
        person: 'alice@corp-a.com',
        subject: 'xen/arm: fix foo',
        posted: new Date('2018-01-10T10:00:00Z'),
        versions: 3,
        series: 3,
      },
      {
        change_id: 'c2@gmail.com',
        person: 'dave@gmail.com',
        subject: 'tools: new thing',
        posted: new Date('2018-03-01T00:00:00Z'),
        versions: 1,
        series: 1,
      },
    ]);
    expect(
      await node.query(
        `SELECT contribution_id, repository, time, person, person_name, organisation FROM contributions
         WHERE source = 'mail' ORDER BY time`,
      ),
    ).toEqual([
      {
        contribution_id: 'mail:r-alice-c3@corp-a.com',
        repository: 'devel',
        time: new Date('2017-12-01T12:00:00Z'),
        person: 'alice@corp-a.com',
        person_name: 'Alice Arm',
        organisation: 'Corp A',
      },
      {
        contribution_id: 'mail:r-frank-c3@corp-f.com',
        repository: 'other',
        time: new Date('2017-12-02T00:00:00Z'),
        person: 'frank@corp-f.com',
        person_name: 'Frank Free',
        organisation: 'Unknown',
      },
      {
        contribution_id: 'mail:r-bob-1@corp-b.com',
        repository: 'devel',
        time: new Date('2018-01-11T10:00:00Z'),
        person: 'bob@corp-b.com',
        person_name: 'Bob Builder',
        organisation: 'Corp B',
      },
      {
        contribution_id: 'mail:r-carol-2@home.example',
        repository: 'devel',
        time: new Date('2018-01-21T10:00:00Z'),
        person: 'carol@corp-b.com',
        person_name: 'Carol Cloud',
        organisation: 'Corp B',
      },
    ]);
    expect(
      await node.query(`SELECT change_id, committed FROM mail_change_commits ORDER BY committed`),
    ).toEqual([
      { change_id: 'c3@corp-b.com', committed: new Date('2017-12-05T00:00:00Z') },
      { change_id: 'c1-v1-0@corp-a.com', committed: new Date('2018-02-05T00:00:00Z') },
      { change_id: 'c1-v1-0@corp-a.com', committed: new Date('2018-02-06T00:00:00Z') },
    ]);
  });

  it('gives the review flow per year and quarter of posting, as worked out by hand', async () => {
    const merge = 25 + 14 / 24;
    const y2017 = {
      changes: 1,
      reviewed: 1,
      merged: 1,
      unanswered: 0,
      answerable: 1,
      medianDaysToFirstReview: 0.5,
      p75DaysToFirstReview: 0.5,
      medianDaysToMerge: 4,
      p75DaysToMerge: 4,
      meanVersions: 1,
      twoOrMoreVersions: 0,
      threeOrMoreVersions: 0,
    };
    const y2018 = {
      changes: 2,
      reviewed: 1,
      merged: 1,
      unanswered: 1,
      answerable: 2,
      medianDaysToFirstReview: 1,
      p75DaysToFirstReview: 1,
      medianDaysToMerge: merge,
      p75DaysToMerge: merge,
      meanVersions: 2,
      twoOrMoreVersions: 1,
      threeOrMoreVersions: 1,
    };
    const rows = await reviewFlow.run(node, params('2018-06-01', { since: '2017-01-01' }));
    expect(rows).toEqual([
      {
        year: 2017,
        quarter: null,
        ...y2017,
        medianDaysToMerge: expect.closeTo(4, 9),
        p75DaysToMerge: expect.closeTo(4, 9),
      },
      {
        year: 2017,
        quarter: 4,
        ...y2017,
        medianDaysToMerge: expect.closeTo(4, 9),
        p75DaysToMerge: expect.closeTo(4, 9),
      },
      {
        year: 2018,
        quarter: null,
        ...y2018,
        medianDaysToMerge: expect.closeTo(merge, 9),
        p75DaysToMerge: expect.closeTo(merge, 9),
      },
      {
        year: 2018,
        quarter: 1,
        ...y2018,
        medianDaysToMerge: expect.closeTo(merge, 9),
        p75DaysToMerge: expect.closeTo(merge, 9),
      },
    ]);
    // As of the day after C2 was posted, it is not yet 30 days old: only C1 is answerable.
    const early = await reviewFlow.run(node, params('2018-03-02', { since: '2018-01-01' }));
    expect(early[0]).toMatchObject({
      year: 2018,
      changes: 2,
      merged: 1,
      unanswered: 0,
      answerable: 1,
    });
    // As of the day v3 was posted, C1 had two versions and was not merged yet.
    const v2 = await reviewFlow.run(node, params('2018-02-01', { since: '2018-01-01' }));
    expect(v2[0]).toMatchObject({
      changes: 1,
      meanVersions: 2,
      twoOrMoreVersions: 1,
      threeOrMoreVersions: 0,
      merged: 0,
      medianDaysToMerge: null,
    });
  });

  it('narrows by path, repository and list', async () => {
    const changes = async (extra: Parameters<typeof params>[1]) =>
      (await reviewFlow.run(node, params('2018-06-01', { since: '2017-01-01', ...extra })))
        .filter((r) => r.quarter === null)
        .map((r) => [r.year, r.changes]);
    expect(await changes({ paths: ['tools'] })).toEqual([[2018, 2]]);
    expect(await changes({ paths: ['xen/arch/arm/'] })).toEqual([[2018, 1]]);
    expect(await changes({ paths: ['xen/arch/ar'] })).toEqual([]);
    expect(await changes({ repositories: ['main-repo'] })).toEqual([
      [2017, 1],
      [2018, 2],
    ]);
    expect(await changes({ repositories: ['elsewhere'] })).toEqual([]);
    expect(await changes({ lists: ['other'] })).toEqual([[2017, 1]]);
    expect(await changes({ lists: ['devel'], paths: ['docs'] })).toEqual([[2017, 1]]);
  });

  it('counts review messages and tags per organisation and per reviewer', async () => {
    const p = params('2018-06-01', { since: '2017-01-01' });
    expect(await mailReviewsByOrganisation.run(node, p)).toEqual([
      { organisation: 'Corp A', year: 2017, reviews: 1, tags: 1 },
      { organisation: 'Unknown', year: 2017, reviews: 1, tags: 1 },
      { organisation: 'Corp B', year: 2018, reviews: 2, tags: 2 },
    ]);
    const reviewers = await mailReviewers.run(node, p);
    expect(reviewers).toEqual([
      {
        person: 'alice@corp-a.com',
        name: 'Alice Arm',
        organisation: 'Corp A',
        reviews: 1,
        tags: 1,
      },
      {
        person: 'bob@corp-b.com',
        name: 'Bob Builder',
        organisation: 'Corp B',
        reviews: 1,
        tags: 1,
      },
      {
        person: 'carol@corp-b.com',
        name: 'Carol Cloud',
        organisation: 'Corp B',
        reviews: 1,
        tags: 1,
      },
      {
        person: 'frank@corp-f.com',
        name: 'Frank Free',
        organisation: 'Unknown',
        reviews: 1,
        tags: 1,
      },
    ]);
    expect(reviewersForHalf(reviewers)).toBe(2);
    expect(await mailReviewersByYear.run(node, p)).toEqual([
      { year: 2017, reviews: 2, reviewers: 2, halfReviewers: 1 },
      { year: 2018, reviews: 2, reviewers: 2, halfReviewers: 1 },
    ]);
    expect(await mailTotals.run(node, p)).toEqual([
      { messages: 23, patchMessages: 11, changes: 3, reviewMessages: 4, reviewTags: 4 },
    ]);
    expect(await mailTotals.run(node, params('2018-01-01', { lists: ['other'] }))).toEqual([
      { messages: 2, patchMessages: 1, changes: 1, reviewMessages: 1, reviewTags: 2 },
    ]);
  });

  it('gives the same rows on duckdb-wasm for every mail metric', async () => {
    const cases = [
      params('2018-06-01', { since: '2017-01-01' }),
      params('2018-03-02', { since: '2010-01-01', paths: ['tools'] }),
      params('2018-06-01', { since: '2017-01-01', repositories: ['main-repo'], lists: ['devel'] }),
      params('2018-01-01', { lists: ['other'] }),
    ];
    for (const p of cases) {
      for (const metric of [
        reviewFlow,
        mailReviewsByOrganisation,
        mailReviewers,
        mailReviewersByYear,
        mailTotals,
      ]) {
        const expected = await metric.run(node, p);
        expect(await metric.run(wasm, p), `${metric.name} ${JSON.stringify(p)}`).toEqual(expected);
      }
    }
  });

  it('puts the review flow, the mail totals and two sentences in the weather report', async () => {
    const options = { project: 'scenario', clock: () => new Date('2018-06-01T00:00:00Z') };
    const report = await buildWeatherReport(node, { since: '2017-01-01' }, options);
    expect(report.reviewFlow).toEqual([
      {
        year: 2017,
        changes: 1,
        reviewed: 1,
        merged: 1,
        medianDaysToFirstReview: 0.5,
        medianDaysToMerge: expect.closeTo(4, 9),
        meanVersions: 1,
        threeOrMoreVersions: 0,
      },
      {
        year: 2018,
        changes: 2,
        reviewed: 1,
        merged: 1,
        medianDaysToFirstReview: 1,
        medianDaysToMerge: expect.closeTo(25 + 14 / 24, 9),
        meanVersions: 2,
        threeOrMoreVersions: 1,
      },
    ]);
    expect(report.mail).toEqual({
      messages: 23,
      patchMessages: 11,
      changes: 3,
      reviewMessages: 4,
      reviewTags: 4,
    });
    const text = renderText(report);
    expect(text).toContain(
      '- Half of the reviewed changes posted in 2018 had a first review within 1 day, against 0.5 days in 2017.\n',
    );
    expect(text).toContain('- 50% of the changes posted in 2018 took three versions or more.\n');
    expect(report.sentences).toContain(
      '50% of the changes posted in 2018 took three versions or more.',
    );
  });

  it('draws the figures of the Review page from the report, by year and by quarter of posting', async () => {
    const options = { project: 'scenario', clock: () => new Date('2018-06-01T00:00:00Z') };
    const report = await buildWeatherReport(node, { since: '2017-01-01' }, options);
    expect(report.sentences).toContain(
      'In 2017, 1 of the 2 people who reviewed on the mailing lists sent half of the review messages.',
    );
    const chart = (name: string, period?: 'quarters') =>
      reportFigures(report, {
        view: { kind: 'commits', mode: 'counts', ...(period ? { period } : {}) },
      }).find((f) => f.name === name)!.chart;
    expect(chart('mail-changes')).toEqual({
      chart: 'year-series',
      rows: [
        { year: 2017, value: 1 },
        { year: 2018, value: 2 },
      ],
      unit: 'changes posted',
      partialYear: 2018,
      partialQuarter: null,
    });
    expect(chart('mail-changes', 'quarters')).toMatchObject({
      rows: [
        { year: 2017, quarter: 4, value: 1 },
        { year: 2018, quarter: 1, value: 2 },
      ],
      partialYear: 2018,
      partialQuarter: 2,
    });
    const points = (name: string, period?: 'quarters') => {
      const spec = chart(name, period);
      if (spec.chart !== 'year-lines') throw new Error(`${name} is not drawn as lines`);
      expect(spec.series).toBe(true);
      return spec.rows.map((r) => [r.year, r.quarter ?? null, r.name, r.value]);
    };
    expect(points('mail-review-shares')).toEqual([
      [2017, null, 'reviewed', 100],
      [2017, null, 'merged', 100],
      [2017, null, 'no review in 30 days', 0],
      [2018, null, 'reviewed', 50],
      [2018, null, 'merged', 50],
      [2018, null, 'no review in 30 days', 50],
    ]);
    // Only C1 was merged in 2018: 25 days 14 hours after its posting.
    expect(points('mail-days-to-merge', 'quarters')).toEqual([
      [2017, 4, 'median', expect.closeTo(4, 9)],
      [2017, 4, '75th percentile', expect.closeTo(4, 9)],
      [2018, 1, 'median', expect.closeTo(25 + 14 / 24, 9)],
      [2018, 1, '75th percentile', expect.closeTo(25 + 14 / 24, 9)],
    ]);
    expect(points('mail-days-to-first-review')).toEqual([
      [2017, null, 'median', 0.5],
      [2017, null, '75th percentile', 0.5],
      [2018, null, 'median', 1],
      [2018, null, '75th percentile', 1],
    ]);
    expect(points('mail-versions')).toEqual([
      [2017, null, 'two or more', 0],
      [2017, null, 'three or more', 0],
      [2018, null, 'two or more', 50],
      [2018, null, 'three or more', 50],
    ]);
    expect(chart('mail-versions')).toMatchObject({
      note: '* 2018 is partial. Mean versions per change: 1 in 2017, 2 in 2018.',
    });
    expect(chart('mail-reviews-by-organisation')).toMatchObject({
      chart: 'year-stack',
      rows: [
        { year: 2017, name: 'Corp A', value: 1 },
        { year: 2017, name: 'Unknown', value: 1 },
        { year: 2018, name: 'Corp B', value: 2 },
      ],
      unit: 'review messages',
      mode: 'counts',
    });
    expect(chart('mail-reviewers-for-half')).toMatchObject({
      chart: 'year-series',
      rows: [
        { year: 2017, value: 1 },
        { year: 2018, value: 1 },
      ],
    });
  });

  it('lists list-only reviewers among the addresses no map covers', async () => {
    const run = await runCli(
      ['affiliations', 'unknown', scenario.config, '--db', join(scenario.root, 'scenario.duckdb')],
      {
        cwd: scenario.root,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/corp-f\.com/);
  });
});
