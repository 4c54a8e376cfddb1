/** Human-readable scan output, grouped by file, with a summary at the end. */

import { appendAll } from '../append.js';
import { formatSize } from '../size.js';
import type { Finding, ScanReport, ScanSummary } from '../types.js';
import { escapeControl } from './escape.js';

function findingLines(finding: Finding): string[] {
  return [
    `  ${finding.line}:${finding.column}  ${finding.severity}  ${finding.mechanism}  ${finding.ruleId}`,
    `    ${finding.message} Severity: ${finding.severityReason}.`,
    `    > ${escapeControl(finding.snippet)}`,
    `    Replace: ${finding.replacement}`,
    `    Rule: ${finding.docs}`,
  ];
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file) ?? [];
    group.push(finding);
    groups.set(finding.file, group);
  }
  return groups;
}

/** Lists the skipped counts on one line, for the text and Markdown reports. */
export function describeSkipped(report: ScanReport): string {
  const skipped = report.summary.skipped;
  return [
    `${skipped.gitignored} git-ignored`,
    `${skipped.excluded} excluded (version control, dependencies, build output, --exclude)`,
    `${skipped.binary} binary`,
    `${skipped.tooLarge} over ${formatSize(report.maxFileSize)}`,
    `${skipped.symlinks} symbolic links`,
    `${skipped.unreadable} unreadable`,
  ].join(', ');
}

function summaryLines(report: ScanReport): string[] {
  const summary: ScanSummary = report.summary;
  const counts = (record: Record<string, number>): string =>
    Object.entries(record)
      .map(([key, count]) => `${key} ${count}`)
      .join(', ');
  const lines = [
    `Summary: ${summary.findings} findings in ${summary.filesWithFindings} files ` +
      `(${summary.filesScanned} files scanned, ${formatSize(summary.bytesScanned)}).`,
    `  By mechanism: ${counts(summary.byMechanism)}`,
    `  By severity: ${counts(Object.fromEntries(Object.entries(summary.bySeverity).reverse()))}`,
  ];
  if (summary.deadlines.length > 0) {
    lines.push('  Deadlines:', ...summary.deadlines.map((deadline) => `    - ${deadline.mechanism}: ${deadline.text}`));
  }
  lines.push(`  Skipped: ${describeSkipped(report)}`);
  appendAll(lines, summary.unreadable.map((entry) => `    unreadable: ${escapeControl(entry.file)} (${entry.reason})`));
  if (!report.masked) {
    lines.push('  Secret values are shown unmasked (--no-mask).');
  }
  return lines;
}

export function formatText(report: ScanReport): string {
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push(escapeControl(file));
    appendAll(lines, findings.flatMap(findingLines));
    lines.push('');
  }
  if (report.findings.length === 0) {
    lines.push('No Salesforce password logins found.', '');
  }
  appendAll(lines, summaryLines(report));
  return `${lines.join('\n')}\n`;
}
