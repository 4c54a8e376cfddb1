/** Totals of a scan: counts by mechanism and severity, the deadlines that apply, what was skipped. */

import { deadlinesFor } from './deadlines.js';
import { type Finding, MECHANISMS, type Mechanism, SEVERITIES, type ScanSummary, type Severity, type SkipCounts, type UnreadableFile } from './types.js';

export interface ScanTotals {
  filesScanned: number;
  bytesScanned: number;
  skipped: SkipCounts;
  unreadable: UnreadableFile[];
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) {
    counts[value] += 1;
  }
  return counts;
}

export function summarize(findings: readonly Finding[], totals: ScanTotals): ScanSummary {
  const mechanisms = findings.map((finding) => finding.mechanism);
  return {
    filesScanned: totals.filesScanned,
    bytesScanned: totals.bytesScanned,
    findings: findings.length,
    filesWithFindings: new Set(findings.map((finding) => finding.file)).size,
    byMechanism: countBy<Mechanism>(MECHANISMS, mechanisms),
    bySeverity: countBy<Severity>(SEVERITIES, findings.map((finding) => finding.severity)),
    deadlines: deadlinesFor(new Set(mechanisms)),
    skipped: totals.skipped,
    unreadable: totals.unreadable,
  };
}
