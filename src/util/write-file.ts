import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

import { SfjwtError } from '../errors/sfjwt-error.js';

export interface WriteOptions {
  /** File mode; private keys use 0o600. */
  mode?: number;
  /** Replace an existing file. Without it an existing file raises ERR_FILE_EXISTS. */
  force?: boolean;
}

/** Raises ERR_FILE_EXISTS for the first of `paths` that exists, unless `force` is set. */
export async function assertWritable(paths: readonly string[], force = false): Promise<void> {
  if (force) {
    return;
  }
  for (const path of paths) {
    const existing = await stat(path).catch(() => undefined);
    if (existing !== undefined) {
      throw new SfjwtError('ERR_FILE_EXISTS', `${path} already exists; sfjwt does not overwrite it.`, {
        details: { path },
      });
    }
  }
}

/**
 * Writes `data` to a temporary file beside `path`, then renames it into place,
 * so a reader never sees a half-written file and a crash leaves the old one.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  await assertWritable([path], options.force);
  const mode = options.mode ?? 0o644;
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the process umask to `mode`; chmod sets the exact mode.
    await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof SfjwtError) {
      throw error;
    }
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SfjwtError('ERR_FILE_WRITE', `Could not write ${path} (${reason}).`, {
      details: { path, reason },
      cause: error,
    });
  }
}
