import { readFile, stat } from 'node:fs/promises';

import { SfjwtError } from '../errors/sfjwt-error.js';

/** Largest file sfjwt reads as configuration, certificate, passphrase or assertion. */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;

/**
 * Reads a regular file of at most `maxBytes`. Raises ERR_FILE_READ naming the
 * file's `description` and path when it is missing, unreadable, not a regular
 * file (a directory, a FIFO, /dev/zero) or too large, so no read can hang or
 * exhaust memory.
 */
export async function readFileBounded(path: string, description: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<Buffer> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) {
      throw readError(path, description, stats.isDirectory() ? 'EISDIR' : 'not a regular file');
    }
    if (stats.size > maxBytes) {
      throw readError(path, description, `${stats.size} bytes, more than the ${maxBytes} allowed`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof SfjwtError) {
      throw error;
    }
    throw readError(path, description, (error as NodeJS.ErrnoException).code ?? 'unknown error');
  }
}

/** Reads a bounded regular file as UTF-8 text; see readFileBounded. */
export async function readTextFile(path: string, description: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<string> {
  return (await readFileBounded(path, description, maxBytes)).toString('utf8');
}

function readError(path: string, description: string, reason: string): SfjwtError {
  return new SfjwtError('ERR_FILE_READ', `Could not read the ${description} file ${path} (${reason}).`, {
    details: { path, reason },
  });
}
