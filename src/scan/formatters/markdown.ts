/**
 * A migration report in Markdown: the deadlines, then one section per
 * integration (the findings of one ecosystem in one folder), most urgent
 * first, each with its findings and an ordered migration plan.
 */

import { posix } from 'node:path';

import { appendAll } from '../append.js';
import { deadlineOf, formatDeadlineDate } from '../deadlines.js';
import { ruleById } from '../rules/index.js';
import { severityRank } from '../severity.js';
import { formatSize } from '../size.js';
import type { Finding, Mechanism, ScanReport } from '../types.js';
import { escapeControl } from './escape.js';
import { describeSkipped } from './text.js';

interface Integration {
  ecosystem: string;
  folder: string;
  findings: Finding[];
}

function groupIntegrations(findings: readonly Finding[]): Integration[] {
  const groups = new Map<string, Integration>();
  for (const finding of findings) {
    const ecosystem = ruleById(finding.ruleId)?.ecosystem ?? 'Other';
    const folder = posix.dirname(finding.file);
    const key = `${ecosystem}\n${folder}`;
    const group = groups.get(key) ?? { ecosystem, folder, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()].sort(byUrgency);
}

function worstRank(integration: Integration): number {
  return integration.findings.reduce((worst, finding) => Math.max(worst, severityRank(finding.severity)), 0);
}

// The OAuth flow retires first (20 February 2027), SOAP login() in Summer '27.
function deadlineRank(integration: Integration): number {
  return integration.findings.some((finding) => finding.mechanism !== 'soap-login') ? 0 : 1;
}

function byUrgency(left: Integration, right: Integration): number {
  return (
    worstRank(right) - worstRank(left) ||
    deadlineRank(left) - deadlineRank(right) ||
    left.folder.localeCompare(right.folder) ||
    left.ecosystem.localeCompare(right.ecosystem)
  );
}

/** Inline code that survives backticks, table pipes and control characters in the snippet. */
function code(text: string): string {
  const escaped = escapeControl(text).replace(/\|/g, '\\|');
  return escaped.includes('`') ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
}

function findingsTable(findings: readonly Finding[]): string[] {
  return [
    '| File | Line | Severity | Mechanism | Rule | Line content |',
    '|---|---|---|---|---|---|',
    ...findings.map(
      (finding) =>
        `| ${code(finding.file)} | ${finding.line} | ${finding.severity} | ${finding.mechanism} | ` +
        `[${finding.ruleId}](${finding.docs}) | ${code(finding.snippet)} |`,
    ),
  ];
}

function orgStep(mechanisms: ReadonlySet<Mechanism>): string {
  const steps: string[] = [];
  if (mechanisms.has('oauth-password') || mechanisms.has('credentials')) {
    steps.push('turn off "Allow OAuth Username-Password Flows" (Setup, OAuth and OpenID Connect Settings)');
  }
  if (mechanisms.has('soap-login') || mechanisms.has('credentials')) {
    steps.push('keep SOAP API login() disabled in the org once nothing calls it');
  }
  return steps.join(' and ');
}

function plan(integration: Integration): string[] {
  const mechanisms = new Set(integration.findings.map((finding) => finding.mechanism));
  const replacements = [...new Set(integration.findings.map((finding) => finding.replacement))];
  const places = integration.findings.map((finding) => `${escapeControl(finding.file)}:${finding.line}`).join(', ');
  return [
    '1. Create an External Client App with the JWT bearer flow and upload its certificate ' +
      '(`sfjwt cert generate`, then `sfjwt setup`); pre-authorize the integration user\'s profile or permission set.',
    `2. Change the integration: ${replacements.join(' ')}`,
    `3. Remove the password and security token from ${places}; keep the private key in a secret store or CI secret, never in the repository.`,
    '4. Check the new login with `sfjwt token --json`, then run the integration against a sandbox.',
    `5. Reset the integration user's password and security token, and ${orgStep(mechanisms)}.`,
  ];
}

function deadlineLine(integration: Integration): string {
  const mechanisms = new Set(integration.findings.map((finding) => finding.mechanism));
  const dates: string[] = [];
  if (mechanisms.has('oauth-password') || mechanisms.has('credentials')) {
    dates.push(`OAuth username-password flow, ${formatDeadlineDate(deadlineOf('oauth-password').date)}`);
  }
  if (mechanisms.has('soap-login') || mechanisms.has('credentials')) {
    dates.push(`SOAP API login(), ${formatDeadlineDate(deadlineOf('soap-login').date)}`);
  }
  return `Deadline: ${dates.join('; ')}.`;
}

function integrationSection(integration: Integration, index: number): string[] {
  const worst = integration.findings.reduce((left, right) =>
    severityRank(right.severity) > severityRank(left.severity) ? right : left,
  );
  return [
    `### ${index + 1}. ${integration.ecosystem} in ${code(integration.folder)} (${worst.severity})`,
    '',
    deadlineLine(integration),
    '',
    ...findingsTable(integration.findings),
    '',
    'Plan:',
    '',
    ...plan(integration),
    '',
  ];
}

function header(report: ScanReport): string[] {
  const summary = report.summary;
  const severities = Object.entries(summary.bySeverity)
    .reverse()
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
  const mechanisms = Object.entries(summary.byMechanism)
    .map(([mechanism, count]) => `${count} ${mechanism}`)
    .join(', ');
  return [
    '# Salesforce password login migration report',
    '',
    `Scanned ${summary.filesScanned} files (${formatSize(summary.bytesScanned)}) under ${report.roots.map(code).join(', ')}: ` +
      `${summary.findings} findings in ${summary.filesWithFindings} files.`,
    '',
    `- By severity: ${severities}`,
    `- By mechanism: ${mechanisms}`,
    ...summary.deadlines.map((deadline) => `- Deadline for ${deadline.mechanism}: ${deadline.text}`),
    '',
  ];
}

export function formatMarkdown(report: ScanReport): string {
  const integrations = groupIntegrations(report.findings);
  const lines = [...header(report), '## Integrations, most urgent first', ''];
  if (integrations.length === 0) {
    lines.push('No Salesforce password logins found.', '');
  }
  integrations.forEach((integration, index) => appendAll(lines, integrationSection(integration, index)));
  lines.push('## Skipped', '', describeSkipped(report), '');
  appendAll(lines, report.summary.unreadable.map((entry) => `- ${code(entry.file)} could not be read (${entry.reason}).`));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
