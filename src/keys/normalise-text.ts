/** Text of a key after undoing the damage that copies through env files, CI secrets and chat do. */
export interface NormalisedText {
  text: string;
  /** One line per repair made, for diagnostics. */
  repairs: string[];
}

// A backslash-n pair, possibly with the backslash itself escaped (`\\n`) and a `\r` before it.
const LITERAL_NEWLINE = /(?:\\+r)?\\+n|\\+r/g;
const QUOTES = new Set(['"', "'", '`']);

/**
 * Removes a byte order mark and surrounding quotes, turns literal `\n`
 * sequences into newlines and CRLF or CR line endings into LF. Whitespace
 * inside PEM blocks (indentation, spaces in place of newlines) is left to the
 * PEM parser, which ignores it.
 */
export function normaliseKeyText(raw: string): NormalisedText {
  const repairs: string[] = [];
  let text = raw;
  if (text.startsWith('\uFEFF')) {
    text = text.replace(/^\uFEFF+/, '');
    repairs.push('removed a UTF-8 byte order mark');
  }
  text = stripQuotes(text.trim(), repairs);
  if (/\\[rn]/.test(text)) {
    text = text.replace(LITERAL_NEWLINE, (match) => (match.endsWith('n') ? '\n' : ''));
    repairs.push('turned literal \\n sequences into newlines');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    repairs.push('turned CRLF line endings into LF');
  }
  return { text: text.trim(), repairs };
}

function stripQuotes(text: string, repairs: string[]): string {
  let result = text;
  while (result.length >= 2 && QUOTES.has(result[0] ?? '') && result.endsWith(result[0] ?? '')) {
    result = result.slice(1, -1).trim();
    if (!repairs.includes('removed surrounding quotes')) {
      repairs.push('removed surrounding quotes');
    }
  }
  return result;
}
