import { CATALOGUE, EXIT_CODES, type ErrorCategory, type ErrorCode } from './catalogue.js';

const CATEGORY_TITLES: Record<ErrorCategory, string> = {
  usage: 'Usage and settings',
  key: 'Keys and certificates',
  org: 'Refused by Salesforce (org or app configuration)',
  network: 'Network and HTTP',
  file: 'Files',
  internal: 'Internal',
};

/** Renders docs/errors.md from the catalogue: one section per code, grouped by category. */
export function renderErrorsDoc(): string {
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from src/errors/catalogue.ts by `npm run docs:errors`; a test fails when it is stale. -->',
    '',
    'Every failure sfjwt reports has one of these codes. The CLI prints the code, a message that names',
    'the value at fault, and numbered actions (most likely fix first); `--json` prints the same as',
    '`{"error": {"code", "category", "message", "actions", "details", "exitCode"}}`. Library callers get',
    'an `SfjwtError` with the same fields and can `switch (error.code)`.',
    '',
    '| exit code | category |',
    '| --- | --- |',
    ...Object.entries(EXIT_CODES).map(([category, code]) => `| ${code} | ${CATEGORY_TITLES[category as ErrorCategory]} |`),
    '',
  ];
  for (const category of Object.keys(CATEGORY_TITLES) as ErrorCategory[]) {
    const codes = (Object.keys(CATALOGUE) as ErrorCode[]).filter((code) => CATALOGUE[code].category === category);
    if (codes.length === 0) {
      continue;
    }
    lines.push(`## ${CATEGORY_TITLES[category]}`, '');
    for (const code of codes) {
      lines.push(...renderEntry(code));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderEntry(code: ErrorCode): string[] {
  const entry = CATALOGUE[code];
  return [
    `### ${code}`,
    '',
    `${entry.summary} Exit code ${entry.exitCode}.`,
    '',
    'Likely causes, most frequent first:',
    '',
    ...entry.causes.map((cause, index) => `${index + 1}. ${cause}`),
    '',
    'Fix:',
    '',
    ...entry.actions.map((action) => `- ${action}`),
    '',
  ];
}
