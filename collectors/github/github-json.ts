/**
 * Checks of GitHub API JSON, field by field: a surprise becomes one `github` error naming the
 * endpoint, the field and the value, e.g.
 * `GitHub API GET /repos/a/b/pulls: field "[3].updated_at" must be a date-time, got "yesterday"`.
 */
import { BarometerError } from '../../src/lib/errors.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'bigint' ? String(value) : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A JSON value at a known place: `endpoint` and the field path inside the response. */
export class JsonAt {
  /** `scrub` cleans every string read (e.g. of a token the server echoed); default: none. */
  constructor(
    readonly value: unknown,
    readonly endpoint: string,
    readonly path: string,
    readonly scrub: (text: string) => string = (text) => text,
  ) {}

  /** Throws the one error that names the endpoint, the field and the value. */
  fail(expected: string, value: unknown = this.value, path = this.path): never {
    const got = this.scrub(shown(value));
    throw new BarometerError(
      'github',
      `GitHub API ${this.endpoint}: field "${path || '(response)'}" must be ${expected}, got ${got}`,
      { endpoint: this.endpoint, field: path, value: got },
    );
  }

  private child(key: string | number): JsonAt {
    const path =
      typeof key === 'number' ? `${this.path}[${key}]` : this.path ? `${this.path}.${key}` : key;
    const object = this.value as Record<string | number, unknown>;
    return new JsonAt(object[key], this.endpoint, path, this.scrub);
  }

  /** The field `key` of this object (throws when this is not an object). */
  field(key: string): JsonAt {
    if (!this.value || typeof this.value !== 'object' || Array.isArray(this.value)) {
      this.fail('an object');
    }
    return this.child(key);
  }

  /** Each item of this array (throws when this is not an array). */
  items(): JsonAt[] {
    if (!Array.isArray(this.value)) this.fail('a list');
    return this.value.map((_, i) => this.child(i));
  }

  /** True when the value is null or absent. */
  get isNull(): boolean {
    return this.value === null || this.value === undefined;
  }

  /** A string (empty allowed), scrubbed. */
  string(): string {
    if (typeof this.value !== 'string') this.fail('a string');
    return this.scrub(this.value);
  }

  /** A non-empty string, scrubbed. */
  name(): string {
    if (typeof this.value !== 'string' || this.value === '') this.fail('a non-empty string');
    return this.scrub(this.value);
  }

  /** A string, or null when null or absent. */
  optionalString(): string | null {
    return this.isNull ? null : this.string();
  }

  /** A non-negative safe integer (JSON numbers; big ones may arrive as bigint). */
  count(): number {
    const v = typeof this.value === 'bigint' ? Number(this.value) : this.value;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      this.fail('a non-negative integer');
    }
    return v;
  }

  /** A positive id as a bigint (review ids outgrow 32 bits). */
  id(): bigint {
    if (typeof this.value === 'bigint' && this.value > 0n) return this.value;
    if (typeof this.value === 'number' && Number.isSafeInteger(this.value) && this.value > 0) {
      return BigInt(this.value);
    }
    this.fail('a positive integer id');
  }

  /** An ISO 8601 date-time with a zone, as an instant. */
  dateTime(): Date {
    if (typeof this.value !== 'string' || !DATE_TIME.test(this.value)) {
      this.fail('a date-time like 2011-01-26T19:01:12Z');
    }
    const [y, mo, d, h, mi, se] = this.value.split(/[-T:.Z+]/).map(Number) as number[];
    // Date would roll 30 February over into March; a calendar check keeps it a surprise.
    const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
    const date = new Date(this.value);
    if (
      Number.isNaN(date.getTime()) ||
      mo! < 1 ||
      mo! > 12 ||
      d! < 1 ||
      d! > days ||
      h! > 23 ||
      mi! > 59 ||
      se! > 59
    ) {
      this.fail('a valid date-time');
    }
    return date;
  }

  /** A date-time, or null when null or absent. */
  optionalDateTime(): Date | null {
    return this.isNull ? null : this.dateTime();
  }

  /** One of `allowed`. */
  oneOf<T extends string>(allowed: readonly T[]): T {
    if (typeof this.value !== 'string' || !allowed.includes(this.value as T)) {
      this.fail(`one of ${allowed.join(', ')}`);
    }
    return this.value as T;
  }

  /** The `login` of a user object, or null when the user is null (a deleted account: "ghost"). */
  userLogin(): string | null {
    return this.isNull ? null : this.field('login').name();
  }
}
