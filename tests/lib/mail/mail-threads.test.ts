import { describe, expect, it } from 'vitest';
import { buildThreads, type ThreadMessage } from '../../../src/lib/mail/mail-threads.ts';

let clock = 0;
const patch = (
  id: string,
  person: string | null,
  version: number,
  total: number,
  subject: string,
  parentId: string | null = null,
): ThreadMessage => ({
  id,
  parentId,
  person,
  time: clock++,
  isPatch: true,
  version,
  total,
  subject,
});
const reply = (id: string, person: string | null, parentId: string | null): ThreadMessage => ({
  id,
  parentId,
  person,
  time: clock++,
  isPatch: false,
  version: null,
  total: null,
  subject: null,
});

describe('threads, series and changes', () => {
  it('roots each patch at the farthest patch up its chain with the same sender, version and total', () => {
    const { threads, changes } = buildThreads([
      patch('v1-0', 'a', 1, 2, 'Fix foo'),
      patch('v1-1', 'a', 1, 2, 'add bar', 'v1-0'),
      reply('rev', 'b', 'v1-1'),
      reply('author', 'a', 'rev'),
      // v2 answers v1's cover letter: another version, so a series of its own.
      patch('v2-0', 'a', 2, 2, 'fix FOO', 'v1-0'),
      patch('v2-1', 'a', 2, 2, 'add bar', 'v2-0'),
      // A reply's patch by someone else, deep in the thread, roots at itself.
      patch('other', 'c', 1, 1, 'fix foo', 'rev'),
      reply('on-other', 'a', 'other'),
    ]);
    expect(threads.map((t) => [t.id, t.seriesId, t.changeId, t.isReview])).toEqual([
      ['v1-0', 'v1-0', 'v1-0', false],
      ['v1-1', 'v1-0', 'v1-0', false],
      ['rev', 'v1-0', 'v1-0', true],
      ['author', 'v1-0', 'v1-0', false],
      ['v2-0', 'v2-0', 'v1-0', false],
      ['v2-1', 'v2-0', 'v1-0', false],
      ['other', 'other', 'other', false],
      ['on-other', 'other', 'other', true],
    ]);
    expect(changes).toEqual([
      { id: 'v1-0', person: 'a', subject: 'Fix foo', posted: 0, versions: 2, series: 2 },
      { id: 'other', person: 'c', subject: 'fix foo', posted: 6, versions: 1, series: 1 },
    ]);
  });

  it('keeps messages outside any series out of reviews, and cuts loops above their earliest message', () => {
    clock = 100;
    const { threads } = buildThreads([
      reply('q', 'x', 'q-loop'),
      reply('q-loop', 'y', 'q'),
      patch('p', null, 1, 1, 'no sender'),
      reply('p-re', null, 'p'),
      reply('p-re2', 'z', 'p-re'),
      reply('self', 'w', 'self'),
    ]);
    expect(threads.map((t) => [t.id, t.parentId, t.seriesId, t.isReview])).toEqual([
      ['q', null, null, false],
      ['q-loop', 'q', null, false],
      ['p', null, 'p', false],
      // Two messages without a From address have the same (no) sender.
      ['p-re', 'p', 'p', false],
      ['p-re2', 'p-re', 'p', true],
      ['self', null, null, false],
    ]);
  });
});
