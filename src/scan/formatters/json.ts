import type { ScanReport } from '../types.js';

/** Serializes the report as indented JSON, in the shape of schemas/scan-report.schema.json. */
export function formatJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
