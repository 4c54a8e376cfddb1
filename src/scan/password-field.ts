/**
 * Finds the `password` field of a token request near its `grant_type` and
 * classifies its value, in any of the forms that code, shell and Postman use:
 * `"password": expr`, `password: expr`, `("password", expr)`, `"password" to expr`,
 * `-d password=VALUE`, `...&password=VALUE&...` and Postman key/value pairs.
 */

import type { SourceFile } from './source-file.js';
import { type ValueClass, classifyConfigValue, classifyExpression, findClosingQuote } from './values.js';

const FIELD = /["']?\bpassword\b["']?\s*(?:=>|->|=(?!=)|:(?!:)|,|\s+to\s)[ \t]*/gi;
const POSTMAN_FIELD = /"key"\s*:\s*"password"\s*,\s*"value"\s*:\s*("(?:[^"\\\n]|\\.)*")/g;
const AFTER_GRANT = /grant_type["']?\s*(?:=|:|=>|->|,|\s+to\s+)\s*[{[]?\s*["']?$/i;
const LINES_BEFORE = 12;
const LINES_AFTER = 20;

/** Classifies the value of the password field nearest to `offset`; with no field found, the value is `code`. */
export function passwordValueNear(file: SourceFile, offset: number): ValueClass {
  const { line } = file.position(offset);
  const from = file.lineBounds(Math.max(1, line - LINES_BEFORE)).start;
  const to = file.lineBounds(line + LINES_AFTER).end;
  const window = file.text.slice(from, to);
  const postman = nearest(POSTMAN_FIELD, window, offset - from);
  if (postman !== undefined) {
    const value = postman[1] ?? '';
    return classifyConfigValue(value, from + postman.index + postman[0].length - value.length);
  }
  const field = nearest(FIELD, window, offset - from, (match) => !AFTER_GRANT.test(window.slice(0, match.index)));
  if (field === undefined) {
    return { kind: 'code', secrets: [] };
  }
  return classifyFieldValue(file, from + field.index, from + field.index + field[0].length);
}

function nearest(
  regex: RegExp,
  text: string,
  anchor: number,
  accept: (match: RegExpExecArray) => boolean = () => true,
): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    // Fields after the grant win over fields before it at the same distance.
    const distance = match.index >= anchor ? match.index - anchor : (anchor - match.index) * 2;
    if (distance < bestDistance && accept(match)) {
      best = match;
      bestDistance = distance;
    }
  }
  return best;
}

function classifyFieldValue(file: SourceFile, fieldStart: number, valueStart: number): ValueClass {
  const text = file.text;
  const lineStart = file.lineBounds(file.position(fieldStart).line).start;
  const quote = openQuoteAt(text, lineStart, fieldStart);
  if (quote !== undefined) {
    // `password=VALUE` inside a string such as "grant_type=password&password=...".
    const close = findClosingQuote(text, valueStart, quote);
    const valueEnd = firstOf(text, valueStart, close, '&');
    if (valueEnd > valueStart) {
      return classifyConfigValue(text.slice(valueStart, valueEnd), valueStart);
    }
    return classifyConcatenation(text, close + 1);
  }
  if (file.language === 'shell' || file.language === 'docs' || file.language === 'other') {
    const end = endOfShellWord(text, valueStart);
    return classifyConfigValue(text.slice(valueStart, end), valueStart);
  }
  return classifyExpression(readExpression(text, valueStart), valueStart);
}

/** Classifies `"..." + pass + token` after a string that ends with `password=`. */
function classifyConcatenation(text: string, from: number): ValueClass {
  const operator = /^\s*(?:\+|\.|&)\s*/.exec(text.slice(from, from + 20));
  if (operator === null) {
    return { kind: 'code', secrets: [] };
  }
  const start = from + operator[0].length;
  return classifyExpression(readExpression(text, start), start);
}

/** Returns the quote character of a string open at `offset` on its line, if any. */
function openQuoteAt(text: string, lineStart: number, offset: number): string | undefined {
  let open: string | undefined;
  for (let index = lineStart; index < offset; index += 1) {
    const char = text[index];
    if (char === '\\') {
      index += 1;
    } else if (open === undefined && (char === '"' || char === "'" || char === '`')) {
      open = char;
    } else if (char === open) {
      open = undefined;
    }
  }
  return open;
}

function firstOf(text: string, from: number, limit: number, char: string): number {
  const found = text.indexOf(char, from);
  return found >= 0 && found < limit ? found : limit;
}

function endOfShellWord(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'") {
      index = findClosingQuote(text, index + 1, char) + 1;
      continue;
    }
    if (/[\s&;|)]/.test(char)) {
      break;
    }
    index += 1;
  }
  return index;
}

/**
 * Reads an expression from `from` to the end of its line, stopping at a
 * top-level `,` or `;` or at a bracket that closes an enclosing list.
 */
export function readExpression(text: string, from: number): string {
  let depth = 0;
  let index = from;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'" || char === '`') {
      index = findClosingQuote(text, index + 1, char) + 1;
      continue;
    }
    if (char === '\n' || ((char === ',' || char === ';') && depth === 0)) {
      break;
    }
    if (char === '(' || char === '[' || char === '{') {
      depth += 1;
    } else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) {
        break;
      }
      depth -= 1;
    }
    index += 1;
  }
  return text.slice(from, index);
}
