/**
 * SARIF 2.1.0 output for GitHub code scanning and other SARIF viewers. One
 * run, one reporting descriptor per rule, one result per finding; paths are
 * relative to %SRCROOT% (the working directory) when they are inside it.
 */

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

import type { Log, ReportingDescriptor, Result } from 'sarif';

import { RULES, type Rule } from '../rules/index.js';
import type { Finding, ScanReport, Severity } from '../types.js';

const LEVELS: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

function descriptor(rule: Rule): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.summary },
    help: {
      text: `Replace: ${rule.replacement} See docs/rules.md#${rule.id} in the sfjwt package.`,
      markdown: `**Replace:** ${rule.replacement}\n\nSee \`docs/rules.md#${rule.id}\` in the sfjwt package.`,
    },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'salesforce', rule.mechanism], precision: 'high' },
  };
}

function location(finding: Finding): NonNullable<Result['locations']>[number] {
  const absolute = finding.file.startsWith('/');
  return {
    physicalLocation: {
      artifactLocation: absolute
        ? { uri: pathToFileURL(finding.file).href }
        : { uri: finding.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
      region: { startLine: finding.line, startColumn: finding.column, snippet: { text: finding.snippet } },
    },
  };
}

/** Hashes rule, file and the finding's rank among that rule's findings in the file: a fingerprint that survives line moves. */
function fingerprint(finding: Finding, occurrence: number): string {
  return createHash('sha256').update(`${finding.ruleId}\n${finding.file}\n${occurrence}`).digest('hex');
}

function result(finding: Finding, ruleIndex: number, occurrence: number): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: {
      text: `${finding.message} Severity ${finding.severity}: ${finding.severityReason}. Replace: ${finding.replacement}`,
    },
    locations: [location(finding)],
    partialFingerprints: { 'sfjwtFinding/v1': fingerprint(finding, occurrence) },
    properties: { mechanism: finding.mechanism, severity: finding.severity, docs: finding.docs },
  };
}

/** Builds the SARIF log of `report`; `cwd` is the folder that relative paths start from. */
export function toSarif(report: ScanReport, cwd: string = process.cwd()): Log {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const occurrences = new Map<string, number>();
  const results = report.findings.map((finding) => {
    const key = `${finding.ruleId}\n${finding.file}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return result(finding, ruleIndex.get(finding.ruleId) ?? -1, occurrence);
  });
  const root = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'sfjwt', semanticVersion: report.tool.version, version: report.tool.version, rules: RULES.map(descriptor) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.summary.unreadable.map((entry) => ({
              level: 'warning' as const,
              message: { text: `${entry.file} could not be read (${entry.reason}); it was not scanned.` },
            })),
          },
        ],
        results,
      },
    ],
  };
}

export function formatSarif(report: ScanReport, cwd?: string): string {
  return `${JSON.stringify(toSarif(report, cwd), null, 2)}\n`;
}
