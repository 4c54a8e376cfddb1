/**
 * Runs the scan: walks the paths, then scans the files in batches (on worker
 * threads when there are many) and totals the results in walk order, so the
 * report does not depend on which thread finished first.
 */

import { type Stats, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { VERSION } from '../version.js';
import type { BatchOptions, BatchResult, FileTask } from './batch.js';
import { escapeControl } from './formatters/escape.js';
import { summarize } from './summary.js';
import type { Finding, ScanOptions, ScanReport, SkipCounts } from './types.js';
import { type WalkState, type WalkedFile, namedFile, walkFolder } from './walker.js';
import { BatchPool } from './worker-pool.js';


/** Default --max-file-size: 1 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const BATCH_SIZE = 256;
/** Below this many files the main thread scans alone: starting workers would cost more than it saves. */
const WORKER_THRESHOLD = 2000;
const MAX_WORKERS = 4;

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function displayPath(cwd: string): (absolutePath: string) => string {
  const inside = cwd.endsWith(sep) ? cwd : `${cwd}${sep}`;
  // Walked paths are normalized absolute paths, so a prefix test replaces path.relative(), which is slow.
  return (absolutePath) => {
    if (absolutePath.startsWith(inside)) {
      return toPosix(absolutePath.slice(inside.length));
    }
    return absolutePath === cwd ? '.' : toPosix(absolutePath);
  };
}

function emptySkips(): SkipCounts {
  return { gitignored: 0, excluded: 0, binary: 0, tooLarge: 0, symlinks: 0, unreadable: 0 };
}

function checkOptions(options: ScanOptions): void {
  if (options.paths !== undefined && !(Array.isArray(options.paths) && options.paths.every((path) => typeof path === 'string'))) {
    throw new TypeError('scan(): options.paths must be an array of strings.');
  }
  if (options.exclude !== undefined && !(Array.isArray(options.exclude) && options.exclude.every((pattern) => typeof pattern === 'string'))) {
    throw new TypeError('scan(): options.exclude must be an array of strings.');
  }
  if (options.maxFileSize !== undefined && !(Number.isSafeInteger(options.maxFileSize) && options.maxFileSize > 0)) {
    throw new TypeError('scan(): options.maxFileSize must be a positive integer (bytes).');
  }
}

/** A scanned path; `special` names what a path that is neither folder nor regular file is. */
type Root =
  | { path: string; kind: 'folder' }
  | { path: string; kind: 'file' }
  | { path: string; kind: 'special'; special: string };

/** Names what a path other than a folder or regular file is, or returns undefined for those two. */
function specialKind(stats: Stats): string | undefined {
  if (stats.isFIFO()) {
    return 'FIFO';
  }
  if (stats.isSocket()) {
    return 'socket';
  }
  if (stats.isCharacterDevice()) {
    return 'character device';
  }
  if (stats.isBlockDevice()) {
    return 'block device';
  }
  return undefined;
}

function rootOf(path: string, stats: Stats): Root {
  if (stats.isDirectory()) {
    return { path, kind: 'folder' };
  }
  const special = specialKind(stats);
  return special === undefined ? { path, kind: 'file' } : { path, kind: 'special', special };
}

/** Resolves the paths and raises ERR_SCAN_PATH_NOT_FOUND for the first one that does not exist. */
function resolveRoots(paths: readonly string[], cwd: string): Root[] {
  return paths.map((given) => {
    const path = resolve(cwd, given);
    try {
      return rootOf(path, statSync(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      const shown = escapeControl(given);
      throw new SfjwtError(
        code === 'ENOENT' ? 'ERR_SCAN_PATH_NOT_FOUND' : 'ERR_SCAN_PATH_UNREADABLE',
        code === 'ENOENT' ? `${shown} does not exist.` : `${shown} cannot be read (${code}).`,
        { details: { path: given, reason: code } },
      );
    }
  });
}

/**
 * Yields the files of every root. A named FIFO, socket or device is counted
 * as unreadable without being opened, because opening a FIFO waits for a writer.
 */
function* filesOf(roots: readonly Root[], exclude: readonly string[], state: WalkState): Generator<WalkedFile> {
  for (const root of roots) {
    if (root.kind === 'folder') {
      yield* walkFolder(root.path, exclude, state);
    } else if (root.kind === 'file') {
      yield namedFile(root.path);
    } else {
      state.skipped.unreadable += 1;
      state.unreadable.push({ file: state.display(root.path), reason: `${root.special}, not a regular file` });
    }
  }
}

/**
 * Hands batches of walked files to the main thread or, once the walk has met
 * WORKER_THRESHOLD files, to a pool of worker threads that starts scanning
 * while the walk goes on.
 */
class BatchRunner {
  private readonly pending: FileTask[][] = [];
  private pool: BatchPool | undefined;
  private files = 0;

  constructor(
    private readonly options: BatchOptions,
    private readonly onResult: (result: BatchResult, index: number) => void,
  ) {}

  add(batch: FileTask[]): void {
    const id = this.pending.length;
    this.pending.push(batch);
    this.files += batch.length;
    if (this.pool !== undefined) {
      this.pool.submit(id, batch);
      return;
    }
    const workers = Math.min(MAX_WORKERS, availableParallelism());
    if (this.files >= WORKER_THRESHOLD && workers >= 2) {
      const pool = new BatchPool(workers, this.options, this.onResult);
      this.pending.forEach((waiting, index) => pool.submit(index, waiting));
      this.pool = pool;
    }
  }

  async finish(): Promise<BatchResult[]> {
    if (this.pool !== undefined) {
      try {
        return await this.pool.finish();
      } finally {
        await this.pool.close();
      }
    }
    // Imported here: on a large scan only the workers load the rules.
    const { scanBatch } = await import('./batch.js');
    const results: BatchResult[] = [];
    for (const [index, batch] of this.pending.entries()) {
      const result = scanBatch(batch, this.options);
      results.push(result);
      this.onResult(result, index);
      // Lets timers and I/O of the caller run between batches.
      await new Promise((done) => setImmediate(done));
    }
    return results;
  }
}

/** Walks every root, passing the files to `runner` in batches of BATCH_SIZE. */
function walkInto(runner: BatchRunner, roots: readonly Root[], exclude: readonly string[], state: WalkState): void {
  let batch: FileTask[] = [];
  for (const walked of filesOf(roots, exclude, state)) {
    batch.push({
      absolutePath: toPosix(walked.absolutePath),
      displayPath: state.display(walked.absolutePath),
      rootRelativePath: walked.rootRelativePath,
    });
    if (batch.length === BATCH_SIZE) {
      runner.add(batch);
      batch = [];
    }
  }
  if (batch.length > 0) {
    runner.add(batch);
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
  checkOptions(options);
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = options.paths === undefined || options.paths.length === 0 ? ['.'] : [...options.paths];
  const batchOptions: BatchOptions = { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, mask: options.mask ?? true };
  const roots = resolveRoots(paths, cwd);
  const state: WalkState = { skipped: emptySkips(), unreadable: [], display: displayPath(cwd) };
  let filesScanned = 0;
  let findings = 0;
  const runner = new BatchRunner(batchOptions, (result) => {
    filesScanned += result.filesScanned;
    findings += result.findings.length;
    options.onProgress?.({ filesScanned, findings, current: result.lastFile });
  });
  walkInto(runner, roots, options.exclude ?? [], state);
  const results = await runner.finish();
  return buildReport(paths, batchOptions, state, results);
}

function buildReport(paths: string[], options: BatchOptions, state: WalkState, results: readonly BatchResult[]): ScanReport {
  const findings: Finding[] = results.flatMap((result) => result.findings);
  const skipped = { ...state.skipped };
  for (const result of results) {
    skipped.binary += result.skipped.binary;
    skipped.tooLarge += result.skipped.tooLarge;
    skipped.unreadable += result.skipped.unreadable;
  }
  const totals = {
    filesScanned: results.reduce((count, result) => count + result.filesScanned, 0),
    bytesScanned: results.reduce((count, result) => count + result.bytesScanned, 0),
    skipped,
    unreadable: [...state.unreadable, ...results.flatMap((result) => result.unreadable)].sort((left, right) =>
      left.file.localeCompare(right.file),
    ),
  };
  return {
    schemaVersion: 1,
    tool: { name: 'sfjwt', version: VERSION },
    roots: paths,
    masked: options.mask,
    maxFileSize: options.maxFileSize,
    findings,
    summary: summarize(findings, totals),
  };
}
