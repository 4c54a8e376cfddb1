/**
 * Finds the `password` field of a token request near its `grant_type` and
 * classifies its value, in any of the forms that code, shell and Postman use:
 * `"password": expr`, `password: expr`, `("password", expr)`, `"password" to expr`,
 * `-d password=VALUE`, `...&password=VALUE&...` and Postman key/value pairs.
 */

import { classifyFieldValue } from './field-value.js';
import type { SourceFile } from './source-file.js';
import { type ValueClass, classifyConfigValue } from './values.js';

const FIELD = /["']?\bpassword\b["']?\s*(?:=>|->|=(?!=)|:(?!:)|,|\s+to\s)[ \t]*/gi;
const POSTMAN_FIELD = /"key"\s*:\s*"password"\s*,\s*"value"\s*:\s*("(?:[^"\\\n]|\\.)*")/g;
const AFTER_GRANT = /grant_type["']?\s*(?:=|:|=>|->|,|\s+to\s+)\s*[{[]?\s*["']?$/i;
/** Characters before a field that AFTER_GRANT looks at: `grant_type` and its separator fit. */
const GRANT_TAIL = 80;
const LINES_BEFORE = 12;
const LINES_AFTER = 20;
/** Maximum distance in characters from the grant to its password field, on either side. */
const WINDOW_CHARS = 4096;

interface FieldMatch {
  start: number;
  end: number;
  /** The quoted value of a Postman pair. */
  value?: string;
}

interface NextMatch {
  match: RegExpExecArray;
  /** The regex's lastIndex after the match. */
  end: number;
}

/**
 * The fields of one kind in a stretch of a file. Successive grants ask for
 * windows further on, so each request scans only the text past the last one.
 * The first match past a window is kept: without it, a regex with no match
 * ahead would search to the end of the file once per grant.
 */
class FieldCache {
  private fields: FieldMatch[] = [];
  private from = 0;
  private to = 0;
  /** The leftmost match at or after `to`; null when there is none, undefined when not searched yet. */
  private next: NextMatch | null | undefined;

  constructor(
    private readonly text: string,
    private readonly regex: RegExp,
    private readonly toField: (match: RegExpExecArray, text: string) => FieldMatch | undefined,
  ) {}

  /** Returns the fields, in file order, of a stretch that covers [from, to). */
  within(from: number, to: number): readonly FieldMatch[] {
    if (from < this.from || from > this.to) {
      // Moving forward keeps `next` when it is still ahead: no match starts between `to` and it.
      const keepNext = from > this.to && (this.next === null || (this.next !== undefined && this.next.match.index >= from));
      this.next = keepNext ? this.next : undefined;
      this.fields = [];
      this.from = from;
      this.to = from;
    }
    this.extend(to);
    return this.fields;
  }

  private extend(to: number): void {
    while (this.to < to) {
      if (this.next === undefined) {
        this.regex.lastIndex = this.to;
        const match = this.regex.exec(this.text);
        this.next = match === null ? null : { match, end: this.regex.lastIndex };
      }
      if (this.next === null || this.next.match.index >= to) {
        this.to = to;
        return;
      }
      const field = this.toField(this.next.match, this.text);
      if (field !== undefined) {
        this.fields.push(field);
      }
      // A match that runs past `to` is kept whole, so the next search starts after it.
      this.to = Math.max(this.next.end, this.next.match.index + 1);
      this.next = undefined;
    }
  }
}

function passwordField(match: RegExpExecArray, text: string): FieldMatch | undefined {
  // `"grant_type": "password",` is the grant itself, not a password field.
  if (AFTER_GRANT.test(text.slice(Math.max(0, match.index - GRANT_TAIL), match.index))) {
    return undefined;
  }
  return { start: match.index, end: match.index + match[0].length };
}

function postmanField(match: RegExpExecArray): FieldMatch {
  return { start: match.index, end: match.index + match[0].length, value: match[1] ?? '' };
}

interface FieldIndex {
  /** Password fields that are not the value of `grant_type`. */
  fields: FieldCache;
  postman: FieldCache;
}

const indexes = new WeakMap<SourceFile, FieldIndex>();

function fieldIndex(file: SourceFile): FieldIndex {
  let index = indexes.get(file);
  if (index === undefined) {
    index = { fields: new FieldCache(file.text, FIELD, passwordField), postman: new FieldCache(file.text, POSTMAN_FIELD, postmanField) };
    indexes.set(file, index);
  }
  return index;
}

/** Classifies the value of the password field nearest to `offset`; with no field found, the value is `code`. */
export function passwordValueNear(file: SourceFile, offset: number): ValueClass {
  const { line } = file.position(offset);
  const from = Math.max(file.lineBounds(Math.max(1, line - LINES_BEFORE)).start, offset - WINDOW_CHARS);
  const to = Math.min(file.lineBounds(line + LINES_AFTER).end, offset + WINDOW_CHARS);
  const index = fieldIndex(file);
  const postman = nearest(index.postman.within(from, to), offset, from, to);
  if (postman !== undefined) {
    const value = postman.value ?? '';
    return classifyConfigValue(value, postman.end - value.length);
  }
  const field = nearest(index.fields.within(from, to), offset, from, to);
  if (field === undefined) {
    return { kind: 'code', secrets: [] };
  }
  return classifyFieldValue(file, field.start, field.end);
}

/**
 * Picks the field nearest to `anchor` among those inside [from, to). A field
 * before the anchor counts twice its distance, so a field after the grant wins
 * over one the same number of characters before it.
 */
function nearest(fields: readonly FieldMatch[], anchor: number, from: number, to: number): FieldMatch | undefined {
  const first = firstAtOrAfter(fields, anchor);
  const after = fields[first];
  const before = fields[first - 1];
  const afterDistance = after !== undefined && after.end <= to ? after.start - anchor : Number.POSITIVE_INFINITY;
  const beforeDistance = before !== undefined && before.start >= from ? (anchor - before.start) * 2 : Number.POSITIVE_INFINITY;
  if (beforeDistance === Number.POSITIVE_INFINITY && afterDistance === Number.POSITIVE_INFINITY) {
    return undefined;
  }
  return beforeDistance <= afterDistance ? before : after;
}

/** Finds by binary search the index of the first field that starts at or after `offset`, or the length. */
function firstAtOrAfter(fields: readonly FieldMatch[], offset: number): number {
  let low = 0;
  let high = fields.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((fields[middle]?.start ?? 0) < offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
