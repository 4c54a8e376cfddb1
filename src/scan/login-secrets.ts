/**
 * Finds, on one line, the hard-coded secrets that a password login sends
 * beside the password. These are the app's client (consumer) secret and the
 * security token in any field form (`"client_secret": "..."`,
 * `client_secret: '...'`, `("client_secret", "...")`, `-d client_secret=...`,
 * Postman pairs), and basic-auth secrets (`curl -u id:secret`,
 * `Authorization: Basic ...`, `https://id:secret@host`). The engine masks them
 * in the quoted line of every finding, whichever rule reported the line.
 */

import { classifyFieldValue, endOfShellWord } from './field-value.js';
import { isLoginSecretName } from './keys.js';
import type { Language } from './languages.js';
import type { SourceFile } from './source-file.js';
import type { Span } from './types.js';
import { classifyConfigValue } from './values.js';

// A name at the start of a word, followed by a field separator. The look-behind keeps the
// regex from retrying inside a long word, so the search stays linear.
const NAMED_FIELD = /(?<![\w.-])["']?([A-Za-z_][\w.-]*)["']?\s*(?:=>|->|=(?!=)|:(?!:)|,|\s+to\s)[ \t]*/g;
// The value half of a Postman pair, after `"key": "client_secret",`.
const POSTMAN_VALUE = /"value"\s*:\s*/y;
const SECRET_NAME_HINT = /secret|token/i;
const CURL_USER = /(?<![\w-])(?:-u|--user)(?:[ \t]+|=)(["']?)([^\s"':]*):([^\s"']+)\1/g;
const BASIC_HEADER = /\bBasic[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g;
const URL_USERINFO = /\/\/([^\s/:@"'?#]+):([^\s/@"'?#]+)@/g;

// Languages whose values are plain words or quoted strings, not code expressions.
const CONFIG_LANGUAGES: ReadonlySet<Language> = new Set(['xml', 'properties', 'yaml', 'env', 'toml', 'ini']);

/** Returns the spans of hard-coded login secrets on the line [start, end) of `file`. */
export function loginSecretsOnLine(file: SourceFile, start: number, end: number): Span[] {
  const line = file.text.slice(start, end);
  return [...namedSecrets(file, line, start), ...basicAuthSecrets(line, start)];
}

function namedSecrets(file: SourceFile, line: string, lineStart: number): Span[] {
  if (!SECRET_NAME_HINT.test(line)) {
    return [];
  }
  const spans: Span[] = [];
  NAMED_FIELD.lastIndex = 0;
  for (let match = NAMED_FIELD.exec(line); match !== null; match = NAMED_FIELD.exec(line)) {
    const name = match[1] ?? '';
    if (!SECRET_NAME_HINT.test(name) || !isLoginSecretName(name)) {
      continue;
    }
    let valueStart = match.index + match[0].length;
    POSTMAN_VALUE.lastIndex = valueStart;
    if (POSTMAN_VALUE.test(line)) {
      valueStart = POSTMAN_VALUE.lastIndex;
    }
    spans.push(...valueSecrets(file, lineStart + match.index, lineStart + valueStart));
  }
  return spans;
}

function valueSecrets(file: SourceFile, fieldStart: number, valueStart: number): Span[] {
  if (CONFIG_LANGUAGES.has(file.language)) {
    const end = endOfShellWord(file.text, valueStart);
    return classifyConfigValue(file.text.slice(valueStart, end), valueStart).secrets;
  }
  return classifyFieldValue(file, fieldStart, valueStart).secrets;
}

function basicAuthSecrets(line: string, lineStart: number): Span[] {
  const spans: Span[] = [];
  for (const [regex, group] of [[CURL_USER, 3], [URL_USERINFO, 2]] as const) {
    regex.lastIndex = 0;
    for (let match = regex.exec(line); match !== null; match = regex.exec(line)) {
      const secret = match[group] ?? '';
      const offset = match.index + match[0].lastIndexOf(secret);
      spans.push(...classifyConfigValue(secret, lineStart + offset).secrets);
    }
  }
  BASIC_HEADER.lastIndex = 0;
  for (let match = BASIC_HEADER.exec(line); match !== null; match = BASIC_HEADER.exec(line)) {
    const encoded = match[1] ?? '';
    const offset = lineStart + match.index + match[0].length - encoded.length;
    spans.push({ start: offset, end: offset + encoded.length });
  }
  return spans;
}
