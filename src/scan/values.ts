/**
 * Reads the value given to a password setting in source code or configuration
 * and decides where it comes from: hard-coded, a reference to the environment or
 * a secret store, a variable filled elsewhere, or a placeholder.
 */

import type { Span, ValueKind } from './types.js';

export interface ValueClass {
  kind: ValueKind;
  /** Ranges of hard-coded secret text, as offsets into the scanned file. */
  secrets: Span[];
}

interface StringLiteral {
  /** Offsets of the text between the quotes, relative to the classified text. */
  contentStart: number;
  contentEnd: number;
  end: number;
}

// Names that read a value from the environment, a CI secret store or a settings object.
const CODE_REFERENCE = new RegExp(
  [
    String.raw`process\.env`,
    String.raw`import\.meta\.env`,
    String.raw`Deno\.env`,
    String.raw`os\.environ`,
    String.raw`\bgetenv\s*\(`,
    String.raw`\bSystem\.getenv`,
    String.raw`Environment\.GetEnvironmentVariable`,
    String.raw`\bENV\s*[[.]`,
    String.raw`\$ENV\{`,
    String.raw`\bsecrets\.`,
    String.raw`\bcredentials\s*\(`,
    String.raw`\benv\s*\(`,
    String.raw`\bconfig\s*\(`,
    String.raw`\bsettings\s*[.[]`,
    String.raw`\bConfiguration\s*\[`,
    String.raw`\{!\$Credential\.`,
    // An ALL_CAPS_WITH_UNDERSCORE name is taken for a configuration key, not a local variable.
    String.raw`\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b`,
  ].join('|'),
);

// Placeholders inside a string or a configuration value: ${X}, $X, {{x}}, %X%, $(X), #[p('x')].
const TEXT_REFERENCE =
  /\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|%[A-Za-z_][A-Za-z0-9_]*%|\$\([A-Za-z_][A-Za-z0-9_.]*\)|#\[[^\]]*\]|\bsecure::[\w.-]+/g;

const PLACEHOLDER =
  /^(?:|x+|\*+|\.{3}|-+|changeme|change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me|replace[-_ ]?with.*|your[-_ ]?.*|my[-_ ]?password|<[^>]*>|\[[^\]]*\]|\([^)]*\)|todo|tbd|fixme|dummy|example|sample|placeholder|secret|password|passw0rd|pass|pwd|token|security[-_ ]?token|none|null|nil|undefined|redacted|fake.*|test|n\/a)$/i;

const IDENTIFIER = /[A-Za-z_$][\w$]*/;

// Code just before a string that makes the string a lookup key: os.environ["X"], getenv('X'), ENV['X'].
const ENV_LOOKUP_BEFORE =
  /(?:getenv|environ|environ\.get|\bENV|ENV\.fetch|GetEnvironmentVariable|getProperty|\bconfig|\benv|secrets|Configuration|settings|credentials)\s*[[(]\s*$/i;
const SUBSCRIPT_BEFORE = /(?:\[|\.get\s*\(|\.fetch\s*\()\s*$/;
/** Characters before a string literal that ENV_LOOKUP_BEFORE and SUBSCRIPT_BEFORE look at. */
const LOOKUP_TAIL = 80;

/** Tells whether a literal text is a dummy value such as `changeme` or `<password>`. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

/** Tells whether `text` consists only of placeholders such as `${SF_PASSWORD}` or `{{password}}`. */
export function isOnlyReferences(text: string): boolean {
  const rest = text.replace(TEXT_REFERENCE, '');
  return rest.length < text.length && rest.trim() === '';
}

/**
 * Classifies a source-code expression such as `os.environ["SF_PASSWORD"] + token`
 * or `"S3cret!" + "TOKEN"`. `offset` is where `expression` starts in the file.
 */
export function classifyExpression(expression: string, offset: number): ValueClass {
  const literals = findStringLiterals(expression);
  const secrets: Span[] = [];
  let placeholders = 0;
  let references = 0;
  let lookups = 0;
  for (const literal of literals) {
    const content = expression.slice(literal.contentStart, literal.contentEnd);
    // The lookups end just before the quote, so a short tail is enough and keeps long expressions linear.
    const before = expression.slice(Math.max(0, literal.contentStart - 1 - LOOKUP_TAIL), literal.contentStart - 1);
    if (ENV_LOOKUP_BEFORE.test(before)) {
      references += 1;
    } else if (SUBSCRIPT_BEFORE.test(before)) {
      lookups += 1;
    } else if (isOnlyReferences(content)) {
      references += 1;
    } else if (isPlaceholder(content)) {
      placeholders += 1;
    } else {
      secrets.push({ start: offset + literal.contentStart, end: offset + literal.contentEnd });
    }
  }
  if (secrets.length > 0) {
    return { kind: 'literal', secrets };
  }
  const code = stripLiterals(expression, literals);
  if (references > 0 || CODE_REFERENCE.test(code)) {
    return { kind: 'reference', secrets };
  }
  if (lookups > 0 || IDENTIFIER.test(code.replace(/\b(?:new|String|str|this|self)\b/g, ''))) {
    return { kind: 'code', secrets };
  }
  return { kind: placeholders > 0 || literals.length === 0 ? 'placeholder' : 'literal', secrets };
}

/**
 * Classifies a configuration value written without code around it, as in
 * `sf.password = Passw0rd` or `value="${ACCESS_TOKEN}"`. Surrounding quotes
 * are dropped. `offset` is where `value` starts in the file.
 */
export function classifyConfigValue(value: string, offset: number): ValueClass {
  const { text, start } = unquote(value);
  if (isOnlyReferences(text) || /^(?:!vault\b|secret:|vault:|arn:aws:secretsmanager)/i.test(text)) {
    return { kind: 'reference', secrets: [] };
  }
  if (isPlaceholder(text)) {
    return { kind: 'placeholder', secrets: [] };
  }
  return { kind: 'literal', secrets: [{ start: offset + start, end: offset + start + text.length }] };
}

function unquote(value: string): { text: string; start: number } {
  const leading = value.length - value.trimStart().length;
  const trimmed = value.trim();
  const first = trimmed[0];
  if (trimmed.length >= 2 && (first === '"' || first === "'") && trimmed.endsWith(first)) {
    return { text: trimmed.slice(1, -1), start: leading + 1 };
  }
  return { text: trimmed, start: leading };
}

function stripLiterals(expression: string, literals: readonly StringLiteral[]): string {
  let code = '';
  let position = 0;
  for (const literal of literals) {
    code += `${expression.slice(position, literal.contentStart - 1)} `;
    position = literal.end;
  }
  return code + expression.slice(position);
}

/** Finds the quoted strings in a piece of code ('...', "..." and `...`), honouring backslash escapes. */
function findStringLiterals(code: string): StringLiteral[] {
  const literals: StringLiteral[] = [];
  let index = 0;
  while (index < code.length) {
    const quote = code[index];
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      index += 1;
      continue;
    }
    const end = findClosingQuote(code, index + 1, quote);
    literals.push({ contentStart: index + 1, contentEnd: end, end: Math.min(end + 1, code.length) });
    index = end + 1;
  }
  return literals;
}

/**
 * Returns the offset of the quote closing a string whose content starts at
 * `from`, of the newline that ends it unclosed, or `limit` when neither comes first.
 */
export function findClosingQuote(code: string, from: number, quote: string, limit = code.length): number {
  let index = from;
  while (index < limit) {
    const char = code[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === quote || (char === '\n' && quote !== '`')) {
      return index;
    }
    index += 1;
  }
  return limit;
}
