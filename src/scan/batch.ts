/**
 * Scans a batch of walked files: reads each one, applies the prefilter and
 * runs the rules. The same code runs on the main thread for small scans and
 * in worker threads for large ones.
 */

import { appendAll } from './append.js';
import { scanFile } from './file-scan.js';
import { mayContainTrigger } from './prefilter.js';
import { FileReader, decodeText, hasBinaryExtension } from './reader.js';
import { SourceFile } from './source-file.js';
import type { Finding, SkipCounts, UnreadableFile } from './types.js';

export interface FileTask {
  /** POSIX form of the absolute path. */
  absolutePath: string;
  displayPath: string;
  rootRelativePath: string;
}

export interface BatchResult {
  /** Display path of the batch's last file, for progress displays. */
  lastFile: string;
  filesScanned: number;
  bytesScanned: number;
  findings: Finding[];
  skipped: Pick<SkipCounts, 'binary' | 'tooLarge' | 'unreadable'>;
  unreadable: UnreadableFile[];
}

export interface BatchOptions {
  maxFileSize: number;
  mask: boolean;
}

const readers = new Map<number, FileReader>();

/** Returns the reader for a file-size limit, creating it once per thread, so its read buffer is reused. */
function readerFor(maxFileSize: number): FileReader {
  let reader = readers.get(maxFileSize);
  if (reader === undefined) {
    reader = new FileReader(maxFileSize);
    readers.set(maxFileSize, reader);
  }
  return reader;
}

/**
 * Runs the rules on one file. A rule that throws on an odd file is a bug, but
 * it should not end a scan of thousands of files, so the file is reported as
 * not scanned, with the error's name (never its message, which may quote the file).
 */
function scanText(task: FileTask, text: string, options: BatchOptions, result: BatchResult): void {
  try {
    const file = new SourceFile(task.absolutePath, task.displayPath, task.rootRelativePath, text);
    appendAll(result.findings, scanFile(file, options.mask));
  } catch (error) {
    // NOTE: no test reaches this branch, since no rule is known to throw.
    result.skipped.unreadable += 1;
    result.unreadable.push({ file: task.displayPath, reason: `internal error in a rule (${(error as Error).name})` });
  }
}

export function scanBatch(tasks: readonly FileTask[], options: BatchOptions): BatchResult {
  const result: BatchResult = {
    lastFile: tasks.at(-1)?.displayPath ?? '',
    filesScanned: 0,
    bytesScanned: 0,
    findings: [],
    skipped: { binary: 0, tooLarge: 0, unreadable: 0 },
    unreadable: [],
  };
  const reader = readerFor(options.maxFileSize);
  for (const task of tasks) {
    if (hasBinaryExtension(task.absolutePath)) {
      result.skipped.binary += 1;
      continue;
    }
    const read = reader.read(task.absolutePath);
    if (read.kind !== 'text') {
      result.skipped[read.kind] += 1;
      if (read.kind === 'unreadable') {
        result.unreadable.push({ file: task.displayPath, reason: read.reason });
      }
      continue;
    }
    result.filesScanned += 1;
    result.bytesScanned += read.content.length;
    if (mayContainTrigger(read.content)) {
      scanText(task, decodeText(read.content), options, result);
    }
  }
  return result;
}
