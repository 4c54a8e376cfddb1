/**
 * Contracts shared by the scan rules, the engine and the formatters.
 */

/** Password login mechanism of an integration. */
export type Mechanism = 'oauth-password' | 'soap-login' | 'credentials';

export const MECHANISMS: readonly Mechanism[] = ['oauth-password', 'soap-login', 'credentials'];

/** Urgency of a finding, from least to most. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/**
 * Source of the password of a finding, which decides its severity. `literal`
 * is hard-coded in the file. `reference` names an environment variable, CI
 * secret or property placeholder. `code` is a variable or parameter filled
 * elsewhere in the code. `placeholder` is a dummy value.
 */
export type ValueKind = 'literal' | 'reference' | 'code' | 'placeholder';

/** A range of characters, as offsets into the scanned file's text. */
export interface Span {
  start: number;
  end: number;
}

/** Match reported by a rule; the engine adds the position, snippet and advice. */
export interface RuleMatch {
  /** Offset of the reported character in the file text. */
  offset: number;
  /** Overrides the rule's mechanism (jsforce logs in through OAuth or SOAP). */
  mechanism?: Mechanism;
  valueKind: ValueKind;
  /** Ranges holding secret values, masked in every output unless masking is off. */
  secrets: Span[];
  /** Overrides the rule's summary for this match. */
  message?: string;
}

/** One place where an integration logs in to Salesforce with a password. */
export interface Finding {
  ruleId: string;
  /** Path shown to the user: relative to the working directory when inside it, POSIX separators. */
  file: string;
  /** 1-based line and column (UTF-16 code units) of the reported character. */
  line: number;
  column: number;
  mechanism: Mechanism;
  severity: Severity;
  /** Reason for the severity, in words. */
  severityReason: string;
  message: string;
  /** The matching line, with secret values masked unless masking was turned off. */
  snippet: string;
  /** Replacement to use in this ecosystem. */
  replacement: string;
  /** Link to the rule's section: `docs/rules.md#RULE-ID`, relative to the sfjwt package. */
  docs: string;
}

/** Counts of files the walk did not scan, by reason. */
export interface SkipCounts {
  gitignored: number;
  excluded: number;
  binary: number;
  tooLarge: number;
  symlinks: number;
  unreadable: number;
}

/** A file that could not be read; the scan goes on without it. */
export interface UnreadableFile {
  file: string;
  reason: string;
}

export interface DeadlineNotice {
  mechanism: Exclude<Mechanism, 'credentials'>;
  /** ISO date, or the release name when Salesforce gives no exact day. */
  date: string;
  text: string;
}

export interface ScanSummary {
  filesScanned: number;
  bytesScanned: number;
  findings: number;
  filesWithFindings: number;
  byMechanism: Record<Mechanism, number>;
  bySeverity: Record<Severity, number>;
  deadlines: DeadlineNotice[];
  skipped: SkipCounts;
  unreadable: UnreadableFile[];
}

export interface ScanReport {
  /** Version of this report's shape (schemas/scan-report.schema.json). */
  schemaVersion: 1;
  tool: { name: 'sfjwt'; version: string };
  /** The paths scanned, as given. */
  roots: string[];
  masked: boolean;
  /** Files larger than this many bytes were skipped. */
  maxFileSize: number;
  findings: Finding[];
  summary: ScanSummary;
}

export interface ScanProgress {
  filesScanned: number;
  findings: number;
  /** Display path of the file being read. */
  current: string;
}

export interface ScanOptions {
  /** Files or folders to scan; defaults to the working directory. */
  paths?: readonly string[];
  /** Base of the displayed paths; defaults to `process.cwd()`. */
  cwd?: string;
  /** Files larger than this many bytes are skipped; defaults to 1 MiB. */
  maxFileSize?: number;
  /** Mask secret values in snippets; defaults to true. */
  mask?: boolean;
  /** Extra gitignore-style patterns to leave out, relative to each scanned folder. */
  exclude?: readonly string[];
  /** Called now and then while the scan runs, for a progress display. */
  onProgress?: (progress: ScanProgress) => void;
}
