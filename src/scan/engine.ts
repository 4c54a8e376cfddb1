/**
 * Runs the scan: walks the paths, reads each candidate file, skips files
 * without a trigger word, runs the rules that apply, and turns their matches
 * into findings with severity, masked snippet and advice.
 */

import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { VERSION } from '../version.js';
import { isCommentLine } from './languages.js';
import { hasBinaryExtension, readCandidate } from './reader.js';
import { RULES, type Rule } from './rules/index.js';
import { severityOf } from './severity.js';
import { buildSnippet } from './snippet.js';
import { SourceFile } from './source-file.js';
import { summarize } from './summary.js';
import type { Finding, RuleMatch, ScanOptions, ScanReport, SkipCounts, Span } from './types.js';
import { type WalkState, type WalkedFile, namedFile, walkFolder } from './walker.js';

/** Default --max-file-size: 1 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * Words that every rule needs at least one of; a file without any is not
 * handed to the rules. Kept cheap, since it runs on every file.
 */
export const TRIGGER = /passw(?:or)?d|pwd|[._-]pass\b|security_?token|grant_type|simple_salesforce|login(?:BySoap|Async)?\s*\(/i;

const YIELD_EVERY = 256;
const PROGRESS_INTERVAL_MS = 100;

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function displayPath(cwd: string): (absolutePath: string) => string {
  return (absolutePath) => {
    const path = relative(cwd, absolutePath);
    return path === '' ? '.' : path.startsWith('..') || isAbsolute(path) ? toPosix(absolutePath) : toPosix(path);
  };
}

function emptySkips(): SkipCounts {
  return { gitignored: 0, excluded: 0, binary: 0, tooLarge: 0, symlinks: 0, unreadable: 0 };
}

/** Resolves the paths and raises ERR_SCAN_PATH_NOT_FOUND for the first one that does not exist. */
function resolveRoots(paths: readonly string[], cwd: string): Array<{ path: string; folder: boolean }> {
  return paths.map((given) => {
    const path = resolve(cwd, given);
    try {
      return { path, folder: statSync(path).isDirectory() };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new SfjwtError(
        code === 'ENOENT' ? 'ERR_SCAN_PATH_NOT_FOUND' : 'ERR_SCAN_PATH_UNREADABLE',
        code === 'ENOENT' ? `${given} does not exist.` : `${given} cannot be read (${code}).`,
        { details: { path: given, reason: code } },
      );
    }
  });
}

function* filesOf(roots: ReturnType<typeof resolveRoots>, options: ScanOptions, state: WalkState): Generator<WalkedFile> {
  for (const root of roots) {
    if (root.folder) {
      yield* walkFolder(root.path, options.exclude ?? [], state);
    } else {
      yield namedFile(root.path);
    }
  }
}

/**
 * Scans files and folders for Salesforce password logins.
 *
 * @example
 * ```ts
 * const report = await scan({ paths: ['.'], maxFileSize: 2 * 1024 * 1024 });
 * for (const finding of report.findings) {
 *   console.log(`${finding.file}:${finding.line} ${finding.severity} ${finding.ruleId}`);
 * }
 * ```
 */
export async function scan(options: ScanOptions = {}): Promise<ScanReport> {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths === undefined || options.paths.length === 0 ? ['.'] : [...options.paths];
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const mask = options.mask ?? true;
  const roots = resolveRoots(paths, cwd);
  const state: WalkState = { skipped: emptySkips(), unreadable: [], display: displayPath(cwd) };
  const findings: Finding[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  let lastProgress = 0;
  for (const walked of filesOf(roots, options, state)) {
    const display = state.display(walked.absolutePath);
    if (hasBinaryExtension(walked.absolutePath)) {
      state.skipped.binary += 1;
      continue;
    }
    const read = readCandidate(walked.absolutePath, maxFileSize);
    if (read.kind !== 'text') {
      recordSkip(state, read, display);
      continue;
    }
    filesScanned += 1;
    bytesScanned += read.bytes;
    if (TRIGGER.test(read.text)) {
      const file = new SourceFile(toPosix(walked.absolutePath), display, walked.rootRelativePath, read.text);
      findings.push(...scanFile(file, mask));
    }
    const now = Date.now();
    if (options.onProgress !== undefined && now - lastProgress >= PROGRESS_INTERVAL_MS) {
      lastProgress = now;
      options.onProgress({ filesScanned, findings: findings.length, current: display });
    }
    if (filesScanned % YIELD_EVERY === 0) {
      await new Promise((done) => setImmediate(done));
    }
  }
  return {
    schemaVersion: 1,
    tool: { name: 'sfjwt', version: VERSION },
    roots: paths,
    masked: mask,
    maxFileSize,
    findings,
    summary: summarize(findings, { filesScanned, bytesScanned, skipped: state.skipped, unreadable: state.unreadable }),
  };
}

function recordSkip(state: WalkState, read: Exclude<ReturnType<typeof readCandidate>, { kind: 'text' }>, display: string): void {
  state.skipped[read.kind] += 1;
  if (read.kind === 'unreadable') {
    state.unreadable.push({ file: display, reason: read.reason });
  }
}

/** Runs every rule that applies to `file` and returns its findings, one per line, in line order. */
export function scanFile(file: SourceFile, mask = true, rules: readonly Rule[] = RULES): Finding[] {
  const matched: Array<{ rule: Rule; match: RuleMatch }> = [];
  for (const rule of rules) {
    if (rule.appliesTo(file)) {
      matched.push(...rule.check(file).map((match) => ({ rule, match })));
    }
  }
  const secrets: Span[] = matched.flatMap((entry) => entry.match.secrets);
  const byLine = new Map<number, Finding>();
  for (const { rule, match } of matched) {
    const { line, column } = file.position(match.offset);
    const bounds = file.lineBounds(line);
    if (!byLine.has(line) && !isCommentLine(file.language, file.text.slice(bounds.start, bounds.end))) {
      byLine.set(line, toFinding(file, rule, match, line, column, secrets, mask));
    }
  }
  return [...byLine.values()].sort((left, right) => left.line - right.line);
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
