/**
 * Splits the arguments of a call, or the entries of an object or hash
 * literal, at their top-level commas, across lines, skipping strings and
 * nested brackets. Enough to read `Salesforce(username=..., password=...)`
 * or `conn.login(user, pass)` without a parser per language.
 */

import { findClosingQuote } from './values.js';

export interface Argument {
  /** The argument text, trimmed. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  /** Keyword, hash key or object key when the argument is `name=value`, `name: value` or `:name => value`. */
  name?: string;
  /** The value after the keyword, or the whole argument. */
  value: string;
  valueOffset: number;
}

export interface ArgumentList {
  arguments: Argument[];
  /** Offset just past the closing bracket, or the end of the text when it is missing. */
  end: number;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
const KEYWORD = /^(?:["']?([A-Za-z_][\w-]*)["']?\s*(?:=(?![=>])|:(?![:/])|=>)|:([A-Za-z_]\w*)\s*=>)\s*/;

/** Maximum length of a call the splitter follows, so a missing bracket cannot make it read a whole file. */
const MAX_CALL_LENGTH = 4000;

/**
 * Splits the list opened by the bracket at `open` in `text`. Comments in the
 * list are skipped when `lineComment` (`#` or `//`) is given.
 */
export function splitArguments(text: string, open: number, lineComment?: '#' | '//'): ArgumentList {
  const limit = Math.min(text.length, open + MAX_CALL_LENGTH);
  const stack: string[] = [OPENERS[text[open] ?? '('] ?? ')'];
  const pieces: Array<{ start: number; end: number }> = [];
  let start = open + 1;
  let index = open + 1;
  while (index < limit && stack.length > 0) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'" || char === '`') {
      index = findClosingQuote(text, index + 1, char, limit) + 1;
      continue;
    }
    if (lineComment !== undefined && text.startsWith(lineComment, index)) {
      const newline = text.indexOf('\n', index);
      index = newline < 0 ? limit : newline;
      continue;
    }
    const closer = OPENERS[char];
    if (closer !== undefined) {
      stack.push(closer);
    } else if (CLOSERS.has(char)) {
      stack.pop();
      if (stack.length === 0) {
        pieces.push({ start, end: index });
      }
    } else if (char === ',' && stack.length === 1) {
      pieces.push({ start, end: index });
      start = index + 1;
    }
    index += 1;
  }
  if (stack.length > 0) {
    pieces.push({ start, end: index });
  }
  const list = pieces.map((piece) => toArgument(text, skipComments(text, piece.start, piece.end, lineComment), piece.end));
  return { arguments: list.filter(isPresent), end: index };
}

/** Moves `start` past whitespace and whole comment lines that open an argument. */
function skipComments(text: string, start: number, end: number, lineComment: string | undefined): number {
  let position = start;
  while (position < end) {
    while (position < end && /\s/.test(text[position] ?? '')) {
      position += 1;
    }
    if (lineComment === undefined || !text.startsWith(lineComment, position)) {
      return position;
    }
    const newline = text.indexOf('\n', position);
    position = newline < 0 || newline > end ? end : newline + 1;
  }
  return position;
}

function toArgument(text: string, start: number, end: number): Argument | undefined {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed === '') {
    return undefined;
  }
  const offset = start + leading;
  const keyword = KEYWORD.exec(trimmed);
  if (keyword === null || trimmed.startsWith('**') || trimmed.startsWith('...')) {
    return { text: trimmed, offset, value: trimmed, valueOffset: offset };
  }
  const name = keyword[1] ?? keyword[2];
  return {
    text: trimmed,
    offset,
    ...(name === undefined ? {} : { name }),
    value: trimmed.slice(keyword[0].length),
    valueOffset: offset + keyword[0].length,
  };
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Finds the argument with keyword `name` (case-insensitive). */
export function argumentNamed(list: readonly Argument[], name: string): Argument | undefined {
  const lower = name.toLowerCase();
  return list.find((argument) => argument.name?.toLowerCase() === lower);
}
