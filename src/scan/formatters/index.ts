import type { ScanReport } from '../types.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'markdown'];

/**
 * Renders a scan report. Every format quotes the snippets as the report contains
 * them, so a report built with masking on never shows a secret value.
 *
 * @param cwd folder that relative paths start from, for SARIF's %SRCROOT%.
 */
export function formatReport(report: ScanReport, format: ReportFormat, cwd?: string): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, cwd);
    case 'markdown':
      return formatMarkdown(report);
    case 'text':
      return formatText(report);
    default:
      throw new TypeError(`Unknown report format: ${String(format)}.`);
  }
}
