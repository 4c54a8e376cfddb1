/**
 * A one-line progress display on stderr, drawn only when stderr is a
 * terminal (`io.interactive`), so pipes and CI logs get no control codes.
 */

import type { Io } from '../cli/output.js';
import { escapeControl } from './formatters/escape.js';
import type { ScanProgress } from './types.js';

const CLEAR_LINE = '\r\u001b[K';
const MAX_PATH = 50;

export interface ProgressDisplay {
  update: (progress: ScanProgress) => void;
  /** Clears the line; call it before printing the report. */
  finish: () => void;
}

function shortenPath(path: string): string {
  const shown = escapeControl(path);
  return shown.length <= MAX_PATH ? shown : `…${shown.slice(shown.length - MAX_PATH + 1)}`;
}

/** Returns a display that draws on `io.stderr`, or one that does nothing when `io` is not interactive. */
export function createProgressDisplay(io: Io): ProgressDisplay {
  if (!io.interactive) {
    return { update: () => undefined, finish: () => undefined };
  }
  let drawn = false;
  return {
    update: (progress) => {
      drawn = true;
      io.stderr(
        `${CLEAR_LINE}Scanning: ${progress.filesScanned} files, ${progress.findings} findings  ${shortenPath(progress.current)}`,
      );
    },
    finish: () => {
      if (drawn) {
        io.stderr(CLEAR_LINE);
      }
    },
  };
}
