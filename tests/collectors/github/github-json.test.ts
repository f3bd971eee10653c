import { describe, expect, it } from 'vitest';
import { JsonAt } from '../../../collectors/github/github-json.ts';
import { BarometerError } from '../../../src/lib/errors.ts';

const at = (value: unknown) => new JsonAt(value, 'GET /repos/a/b/pulls', '');

function message(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BarometerError);
    expect((error as BarometerError).code).toBe('github');
    return (error as BarometerError).message;
  }
  throw new Error('expected an error');
}

describe('JsonAt', () => {
  it('reads the fields the collector stores', () => {
    const json = at([
      {
        number: 3,
        user: { login: 'alice' },
        merged_at: null,
        updated_at: '2011-01-26T19:01:12Z',
        id: 2n ** 60n,
      },
    ]);
    const [item] = json.items();
    expect(item!.field('number').count()).toBe(3);
    expect(item!.field('user').userLogin()).toBe('alice');
    expect(item!.field('merged_at').optionalDateTime()).toBeNull();
    expect(item!.field('closed_at').optionalDateTime()).toBeNull();
    expect(item!.field('updated_at').dateTime()).toEqual(new Date('2011-01-26T19:01:12Z'));
    expect(item!.field('id').id()).toBe(2n ** 60n);
    expect(at('2011-01-26T21:01:12+02:00').dateTime()).toEqual(new Date('2011-01-26T19:01:12Z'));
  });

  it('names the endpoint, the field and the value of a surprise', () => {
    const json = at([
      { updated_at: 'yesterday', number: -1, user: { login: '' }, state: 'merged' },
    ]);
    const item = json.items()[0]!;
    expect(message(() => item.field('updated_at').dateTime())).toBe(
      'GitHub API GET /repos/a/b/pulls: field "[0].updated_at" must be a date-time like 2011-01-26T19:01:12Z, got "yesterday"',
    );
    expect(message(() => item.field('number').count())).toBe(
      'GitHub API GET /repos/a/b/pulls: field "[0].number" must be a non-negative integer, got -1',
    );
    expect(message(() => item.field('user').userLogin())).toBe(
      'GitHub API GET /repos/a/b/pulls: field "[0].user.login" must be a non-empty string, got ""',
    );
    expect(message(() => item.field('state').oneOf(['open', 'closed']))).toBe(
      'GitHub API GET /repos/a/b/pulls: field "[0].state" must be one of open, closed, got "merged"',
    );
    expect(message(() => at({ message: 'x' }).items())).toBe(
      'GitHub API GET /repos/a/b/pulls: field "(response)" must be a list, got {"message":"x"}',
    );
    expect(message(() => at('2011-02-30T00:00:00Z').dateTime())).toBe(
      'GitHub API GET /repos/a/b/pulls: field "(response)" must be a valid date-time, got "2011-02-30T00:00:00Z"',
    );
    expect(message(() => at('x'.repeat(100)).field('a'))).toMatch(/got "x{56}\.\.\.$/);
  });
});
