import { readFile } from 'node:fs/promises';

import { SfjwtError } from '../errors/sfjwt-error.js';

/** Reads a UTF-8 file, raising ERR_FILE_READ that names the file's `description` and path when it cannot. */
export async function readTextFile(path: string, description: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SfjwtError('ERR_FILE_READ', `Could not read the ${description} file ${path} (${reason}).`, {
      details: { path, reason },
    });
  }
}
