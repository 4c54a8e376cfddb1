/** Public entry of the migration advisor (`sfjwt scan`). */

export { DEFAULT_MAX_FILE_SIZE, scan } from './engine.js';
export { scanFile } from './file-scan.js';
export { type ReportFormat, REPORT_FORMATS, formatReport } from './formatters/index.js';
export { toSarif } from './formatters/sarif.js';
export { RULES, type Rule, ruleById } from './rules/index.js';
export { atOrAbove } from './severity.js';
export { parseSize } from './size.js';
export { SourceFile } from './source-file.js';
export * from './types.js';
