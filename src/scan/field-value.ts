/**
 * Classifies the value written after a field name such as `password=`,
 * `"client_secret": ` or `("password", `, in the form the file gives it: part
 * of a quoted form body, a shell word, or a code expression. Every read stops
 * after MAX_VALUE_LENGTH characters, so a long minified line costs linear time.
 */

import type { SourceFile } from './source-file.js';
import { type ValueClass, classifyConfigValue, classifyExpression, findClosingQuote } from './values.js';

/** Maximum length of a value read after a field name. */
export const MAX_VALUE_LENGTH = 4096;

/** Classifies the value that starts at `valueStart`, after the field name at `fieldStart`. */
export function classifyFieldValue(file: SourceFile, fieldStart: number, valueStart: number): ValueClass {
  const text = file.text;
  const limit = Math.min(text.length, valueStart + MAX_VALUE_LENGTH);
  const quote = openQuoteAt(file, fieldStart);
  if (quote !== undefined) {
    // `password=VALUE` inside a string such as "grant_type=password&password=...". The value
    // ends at the first `&` or at the closing quote, and the quote is looked for only up to the
    // `&`, so a string left open does not cost a long read per field.
    const ampersand = firstOf(text, valueStart, limit, '&');
    const valueEnd = findClosingQuote(text, valueStart, quote, ampersand);
    if (valueEnd > valueStart) {
      return classifyConfigValue(text.slice(valueStart, valueEnd), valueStart);
    }
    // An empty value: a concatenation may follow the string, as in "...&password=" + pass.
    const close = valueEnd === ampersand ? findClosingQuote(text, valueStart, quote, limit) : valueEnd;
    return classifyConcatenation(text, close + 1);
  }
  if (file.language === 'shell' || file.language === 'docs' || file.language === 'other') {
    const end = endOfShellWord(text, valueStart, limit);
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

interface QuoteScan {
  lineStart: number;
  /** Next offset to read. */
  index: number;
  open: string | undefined;
}

// The last scan of each file, so that queries at growing offsets on one line read it once in all.
const quoteScans = new WeakMap<SourceFile, QuoteScan>();

/** Returns the quote character of a string open at `offset` on its line, if any. */
function openQuoteAt(file: SourceFile, offset: number): string | undefined {
  const lineStart = file.lineBounds(file.position(offset).line).start;
  let scan = quoteScans.get(file);
  if (scan === undefined || scan.lineStart !== lineStart || scan.index > offset) {
    scan = { lineStart, index: lineStart, open: undefined };
    quoteScans.set(file, scan);
  }
  const text = file.text;
  for (; scan.index < offset; scan.index += 1) {
    const char = text[scan.index];
    if (char === '\\') {
      scan.index += 1;
    } else if (scan.open === undefined && (char === '"' || char === "'" || char === '`')) {
      scan.open = char;
    } else if (char === scan.open) {
      scan.open = undefined;
    }
  }
  return scan.open;
}

/** Returns the offset of the first `char` in [from, limit), or `limit`. */
function firstOf(text: string, from: number, limit: number, char: string): number {
  for (let index = from; index < limit; index += 1) {
    if (text[index] === char) {
      return index;
    }
  }
  return limit;
}

/** Returns the end of the shell word (quoted parts included) that starts at `from`, reading at most up to `limit`. */
export function endOfShellWord(text: string, from: number, limit = Math.min(text.length, from + MAX_VALUE_LENGTH)): number {
  let index = from;
  while (index < limit) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'") {
      index = findClosingQuote(text, index + 1, char, limit) + 1;
      continue;
    }
    if (/[\s&;|)]/.test(char)) {
      break;
    }
    index += 1;
  }
  return Math.min(index, limit);
}

/**
 * Reads an expression from `from` to the end of its line, stopping at a
 * top-level `,` or `;`, at a bracket that closes an enclosing list, or after
 * MAX_VALUE_LENGTH characters.
 */
export function readExpression(text: string, from: number): string {
  const limit = Math.min(text.length, from + MAX_VALUE_LENGTH);
  let depth = 0;
  let index = from;
  while (index < limit) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'" || char === '`') {
      index = findClosingQuote(text, index + 1, char, limit) + 1;
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
  return text.slice(from, Math.min(index, limit));
}
