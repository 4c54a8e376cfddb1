/** Turns the rule matches of one file into findings: one per line, severity, masked snippet and advice. */

import { appendAll } from './append.js';
import { isCommentLine } from './languages.js';
import { loginSecretsOnLine } from './login-secrets.js';
import { RULES, type Rule } from './rules/index.js';
import { severityOf } from './severity.js';
import { SecretSpans, buildSnippet } from './snippet.js';
import type { SourceFile } from './source-file.js';
import type { Finding, RuleMatch, Span } from './types.js';

/** Runs every rule that applies to `file` and returns its findings, one per line, in line order. */
export function scanFile(file: SourceFile, mask = true, rules: readonly Rule[] = RULES): Finding[] {
  const matched: Array<{ rule: Rule; match: RuleMatch }> = [];
  for (const rule of rules) {
    if (rule.appliesTo(file)) {
      appendAll(matched, rule.check(file).map((match) => ({ rule, match })));
    }
  }
  const secrets = new SecretSpans(matched.flatMap((entry) => entry.match.secrets));
  const byLine = new Map<number, Finding>();
  for (const { rule, match } of matched) {
    const { line, column } = file.position(match.offset);
    const bounds = file.lineBounds(line);
    if (!byLine.has(line) && !isCommentLine(file.language, file.text.slice(bounds.start, bounds.end))) {
      const spans = mask ? lineSecrets(file, secrets, bounds) : [];
      byLine.set(line, toFinding(file, rule, match, line, column, spans, mask));
    }
  }
  return [...byLine.values()].sort((left, right) => left.line - right.line);
}

/** Lists the secrets to mask on one line: those the rules found, and the login secrets beside them. */
function lineSecrets(file: SourceFile, secrets: SecretSpans, bounds: { start: number; end: number }): Span[] {
  return [...secrets.touching(bounds.start, bounds.end), ...loginSecretsOnLine(file, bounds.start, bounds.end)];
}

function toFinding(
  file: SourceFile,
  rule: Rule,
  match: RuleMatch,
  line: number,
  column: number,
  secrets: readonly Span[],
  mask: boolean,
): Finding {
  const { severity, reason } = severityOf(match.valueKind, file.role);
  return {
    ruleId: rule.id,
    file: file.displayPath,
    line,
    column,
    mechanism: match.mechanism ?? rule.mechanism,
    severity,
    severityReason: reason,
    message: match.message ?? rule.summary,
    snippet: buildSnippet(file, line, column, secrets, mask),
    replacement: rule.replacement,
    docs: `docs/rules.md#${rule.id}`,
  };
}
