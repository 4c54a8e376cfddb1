/**
 * Escapes the characters of a file name or quoted line that a terminal or a
 * Markdown viewer would act on instead of showing: C0 and C1 controls (ESC,
 * carriage return, newline, backspace...), DEL, line and paragraph separators,
 * and the bidirectional overrides that can reorder what a reader sees. Tabs
 * stay, since they only move the cursor forward.
 */

const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

function escapeCharacter(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) {
    return named;
  }
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Replaces each unsafe character of `text` with a visible escape such as `\x1b`, `\n` or `\u202e`. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}
