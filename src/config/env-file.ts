/**
 * Parses dotenv-style text: `NAME=value` lines, optional `export `, `#`
 * comments, values in single or double quotes. Double-quoted values keep
 * `\n` escapes as newlines, so a PEM key stored on one line survives.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match === null) {
      continue;
    }
    values[match[1] as string] = unquote((match[2] as string).trim());
  }
  return values;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"');
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1);
  }
  // An unquoted value ends at a comment that follows whitespace.
  return value.replace(/\s+#.*$/, '');
}
