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

interface FieldIndex {
  /** Password fields that are not the value of `grant_type`, in file order. */
  fields: FieldMatch[];
  postman: FieldMatch[];
}

// The fields of each file, found once however many grants the file holds.
const indexes = new WeakMap<SourceFile, FieldIndex>();

function fieldIndex(file: SourceFile): FieldIndex {
  let index = indexes.get(file);
  if (index === undefined) {
    index = { fields: passwordFields(file.text), postman: postmanFields(file.text) };
    indexes.set(file, index);
  }
  return index;
}

function passwordFields(text: string): FieldMatch[] {
  const fields: FieldMatch[] = [];
  FIELD.lastIndex = 0;
  for (let match = FIELD.exec(text); match !== null; match = FIELD.exec(text)) {
    // `"grant_type": "password",` is the grant itself, not a password field.
    if (!AFTER_GRANT.test(text.slice(Math.max(0, match.index - GRANT_TAIL), match.index))) {
      fields.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return fields;
}

function postmanFields(text: string): FieldMatch[] {
  const fields: FieldMatch[] = [];
  POSTMAN_FIELD.lastIndex = 0;
  for (let match = POSTMAN_FIELD.exec(text); match !== null; match = POSTMAN_FIELD.exec(text)) {
    fields.push({ start: match.index, end: match.index + match[0].length, value: match[1] ?? '' });
  }
  return fields;
}

/** Classifies the value of the password field nearest to `offset`; with no field found, the value is `code`. */
export function passwordValueNear(file: SourceFile, offset: number): ValueClass {
  const { line } = file.position(offset);
  const from = Math.max(file.lineBounds(Math.max(1, line - LINES_BEFORE)).start, offset - WINDOW_CHARS);
  const to = Math.min(file.lineBounds(line + LINES_AFTER).end, offset + WINDOW_CHARS);
  const index = fieldIndex(file);
  const postman = nearest(index.postman, offset, from, to);
  if (postman !== undefined) {
    const value = postman.value ?? '';
    return classifyConfigValue(value, postman.end - value.length);
  }
  const field = nearest(index.fields, offset, from, to);
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
