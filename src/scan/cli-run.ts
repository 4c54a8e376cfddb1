/**
 * The body of `sfjwt scan`: checks the options, runs the scan with a progress
 * display, prints the report in the chosen format and returns the exit code
 * (0 when no finding reaches --fail-on, 1 when one does).
 */

import type { Io } from '../cli/output.js';
import { SfjwtError } from '../errors/sfjwt-error.js';
import { scan } from './engine.js';
import type { ReportFormat } from './formatters/index.js';
import { formatJson } from './formatters/json.js';
import { createProgressDisplay } from './progress.js';
import { atOrAbove } from './severity.js';
import { parseSize } from './size.js';
import type { ScanReport, Severity } from './types.js';

export interface ScanArgs {
  paths?: string[];
  format: ReportFormat;
  'fail-on': Severity | 'none';
  'max-file-size': string;
  mask: boolean;
  'show-secrets': boolean;
  exclude?: string[];
}

function maxFileSize(text: string): number {
  const bytes = parseSize(text);
  if (bytes === undefined) {
    throw new SfjwtError(
      'ERR_SETTING_INVALID',
      `--max-file-size ${text} is not a size; give bytes or a number with a unit, such as 1MiB or 512KiB.`,
      { details: { option: 'max-file-size', value: text } },
    );
  }
  return bytes;
}

/** Exit code for `report`: 1 when a finding is at or above `failOn`, else 0. */
export function exitCodeFor(report: ScanReport, failOn: Severity | 'none'): number {
  if (failOn === 'none') {
    return 0;
  }
  return report.findings.some((finding) => atOrAbove(finding.severity, failOn)) ? 1 : 0;
}

/** Loads only the formatter in use: the SARIF and Markdown ones load every rule. */
async function renderReport(report: ScanReport, format: ReportFormat): Promise<string> {
  switch (format) {
    case 'sarif':
      return (await import('./formatters/sarif.js')).formatSarif(report);
    case 'markdown':
      return (await import('./formatters/markdown.js')).formatMarkdown(report);
    case 'text':
      return (await import('./formatters/text.js')).formatText(report);
    default:
      return formatJson(report);
  }
}

export async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const limit = maxFileSize(args['max-file-size']);
  const progress = createProgressDisplay(io);
  let report: ScanReport;
  try {
    report = await scan({
      paths: args.paths ?? [],
      maxFileSize: limit,
      mask: args.mask && !args['show-secrets'],
      exclude: args.exclude ?? [],
      onProgress: progress.update,
    });
  } finally {
    progress.finish();
  }
  io.stdout(await renderReport(report, args.format));
  return exitCodeFor(report, args['fail-on']);
}
