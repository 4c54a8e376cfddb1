/**
 * Lists the key/value entries of configuration files with the full key path
 * and offsets: .properties, .env, YAML (nested keys joined with dots), JSON,
 * INI/TOML (section prefixes) and the XML shapes that hold settings
 * (`<entry key value>`, `<add key value>`, `<property name value>`, `<name>value</name>`).
 * Line-based readers, not full parsers: enough to name the key of a password.
 */

import type { SourceFile } from './source-file.js';
import { findClosingQuote } from './values.js';

export interface ConfigEntry {
  /** Key path, segments joined with dots: `salesforce.password`. */
  key: string;
  keyOffset: number;
  /** The raw value, quotes included. */
  value: string;
  valueOffset: number;
}

/** Reads the entries of `file` according to its language; other languages give none. */
export function configEntries(file: SourceFile): ConfigEntry[] {
  switch (file.language) {
    case 'properties':
    case 'env':
      return flatEntries(file.text);
    case 'ini':
    case 'toml':
      return sectionEntries(file.text);
    case 'yaml':
      return yamlEntries(file.text);
    case 'json':
    case 'postman':
      return jsonEntries(file.text);
    case 'xml':
      return xmlEntries(file.text);
    default:
      return [];
  }
}

interface Line {
  text: string;
  offset: number;
}

function* lines(text: string): Generator<Line> {
  let offset = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    yield { text: text.slice(offset, end).replace(/\r$/, ''), offset };
    if (newline < 0) {
      return;
    }
    offset = newline + 1;
  }
}

const FLAT = /^(\s*(?:export\s+)?)([\w.\-/[\]]+)(\s*[=:]\s*)(.*)$/;

function flatEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  for (const line of lines(text)) {
    const match = FLAT.exec(line.text);
    if (match === null || /^\s*[#!;]/.test(line.text)) {
      continue;
    }
    const [, lead = '', key = '', separator = '', rawValue = ''] = match;
    const value = stripInlineComment(rawValue);
    const keyOffset = line.offset + lead.length;
    entries.push({ key, keyOffset, value, valueOffset: keyOffset + key.length + separator.length });
  }
  return entries;
}

// The name ends in a non-space character instead of a lazy `+?` before `\s*`, which backtracks
// quadratically over a long run of spaces.
const SECTION = /^\s*\[{1,2}\s*([^\]\s](?:[^\]]*[^\]\s])?)\s*\]{1,2}\s*$/;
const SECTION_ENTRY = /^(\s*)(["']?)([\w.\-]+)\2(\s*[=:]\s*)(.*)$/;

function sectionEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  let section = '';
  for (const line of lines(text)) {
    const header = SECTION.exec(line.text);
    if (header !== null) {
      section = (header[1] ?? '').replace(/["']/g, '');
      continue;
    }
    const match = SECTION_ENTRY.exec(line.text);
    if (match === null || /^\s*[#;]/.test(line.text)) {
      continue;
    }
    const [, lead = '', quote = '', key = '', separator = '', rawValue = ''] = match;
    const keyOffset = line.offset + lead.length + quote.length;
    entries.push({
      key: section === '' ? key : `${section}.${key}`,
      keyOffset,
      value: stripInlineComment(rawValue),
      valueOffset: keyOffset + key.length + quote.length + separator.length,
    });
  }
  return entries;
}

// `key: value`, `- key: value`, `"key": value`; the value may be empty (a nested mapping follows).
// A plain key ends in a non-space character, so a long run of spaces costs linear time.
const YAML_ENTRY =
  /^(\s*)((?:-\s+)*)(?:(["'])(.+?)\3|([^\s#'"\-](?:[^:#]*[^:#\s])?|-[^\s:#](?:[^:#]*[^:#\s])?))\s*:(?:[ \t]+|$)(.*)$/;

function yamlEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const parents: Array<{ indent: number; key: string }> = [];
  // Kubernetes and CI lists name a variable in `name:` and give it in `value:` on the next line.
  let listName: { indent: number; key: string } | undefined;
  let blockIndent = -1;
  for (const line of lines(text)) {
    const indentation = line.text.length - line.text.trimStart().length;
    if (blockIndent >= 0 && (line.text.trim() === '' || indentation > blockIndent)) {
      continue;
    }
    blockIndent = -1;
    const match = YAML_ENTRY.exec(line.text);
    if (match === null || line.text.trimStart().startsWith('#')) {
      continue;
    }
    const [, lead = '', dashes = '', quote = '', quotedKey, plainKey, rawValue = ''] = match;
    const indent = lead.length + dashes.length;
    const key = (quotedKey ?? plainKey ?? '').trim();
    while (parents.length > 0 && (parents[parents.length - 1]?.indent ?? 0) >= indent) {
      parents.pop();
    }
    const value = stripInlineComment(rawValue);
    if (value === '' || /^[|>][+-]?\d*$/.test(value)) {
      parents.push({ indent, key });
      blockIndent = value === '' ? -1 : indent;
      continue;
    }
    const path = parents.map((parent) => parent.key);
    if (key === 'name' && dashes !== '') {
      listName = { indent, key: unquote(value) };
    }
    const named = key === 'value' && listName?.indent === indent ? listName.key : key;
    const keyOffset = line.offset + indent + quote.length;
    const valueOffset = line.offset + line.text.length - rawValue.length;
    entries.push({ key: [...path, named].join('.'), keyOffset, value, valueOffset });
  }
  return entries;
}

function jsonEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const path: string[] = [];
  let pending: { key: string; offset: number } | undefined;
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"') {
      const end = findClosingQuote(text, index + 1, '"');
      const after = /^\s*:/.exec(text.slice(end + 1, end + 40));
      if (after !== null) {
        pending = { key: text.slice(index + 1, end), offset: index + 1 };
      } else if (pending !== undefined) {
        entries.push({ key: [...path, pending.key].join('.'), keyOffset: pending.offset, value: text.slice(index, end + 1), valueOffset: index });
        pending = undefined;
      }
      index = end + 1;
      continue;
    }
    if (char === '{' || char === '[') {
      path.push(pending?.key ?? '');
      pending = undefined;
    } else if (char === '}' || char === ']') {
      path.pop();
    } else if (char === ',') {
      pending = undefined;
    }
    index += 1;
  }
  return entries;
}

const XML_KEY_VALUE = /<(?:entry|add|property|param|parameter)\s+(?:key|name)\s*=\s*"([^"]*)"\s+value\s*=\s*"([^"]*)"/g;
const XML_ELEMENT = /<([\w.-]*(?:password|passwd|token)[\w.-]*)>([^<]*)<\/\1>/gi;

function xmlEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  for (const regex of [XML_KEY_VALUE, XML_ELEMENT]) {
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      const key = match[1] ?? '';
      const value = match[2] ?? '';
      entries.push({
        key,
        keyOffset: match.index,
        value,
        valueOffset: match.index + match[0].lastIndexOf(value),
      });
    }
  }
  return entries;
}

function stripInlineComment(value: string): string {
  const trimmed = value.trim();
  const first = trimmed[0];
  if (first === '"' || first === "'") {
    const end = findClosingQuote(trimmed, 1, first);
    return trimmed.slice(0, end + 1);
  }
  const comment = trimmed.search(/\s#/);
  return (comment < 0 ? trimmed : trimmed.slice(0, comment)).trim();
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}
