import { readFile, stat } from 'node:fs/promises';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { keyUnrecognized } from './key-errors.js';
import { looksLikeKeyText } from './key-text.js';
import type { KeySource } from './types.js';

/** Largest input read: PEM keys are under 4 KiB and keystores with chains well under 1 MiB. */
const MAX_KEY_BYTES = 1024 * 1024;

/** The bytes of a key source, with what messages call it. */
export interface KeyInput {
  bytes: Buffer;
  label: string;
  path?: string;
  /** POSIX mode bits of the file, when read from a file. */
  mode?: number;
}

/** Checks the shape of a key source; wrong types are programming errors (TypeError). */
export function assertKeySource(source: KeySource): void {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError('loadPrivateKey needs a KeySource object');
  }
  if (source.path !== undefined && source.data !== undefined) {
    throw new TypeError('KeySource takes either path or data, not both');
  }
  if (source.path !== undefined && typeof source.path !== 'string') {
    throw new TypeError('KeySource.path must be a string');
  }
  if (source.data !== undefined && typeof source.data !== 'string' && !(source.data instanceof Uint8Array)) {
    throw new TypeError('KeySource.data must be a string or a Uint8Array');
  }
  for (const field of ['passphrase', 'label'] as const) {
    if (source[field] !== undefined && typeof source[field] !== 'string') {
      throw new TypeError(`KeySource.${field} must be a string`);
    }
  }
}

/** Reads the bytes of `source`; raises ERR_FILE_READ for a file that cannot be read. */
export async function readKeyInput(source: KeySource): Promise<KeyInput> {
  assertKeySource(source);
  if (source.path !== undefined) {
    if (looksLikeKeyText(source.path)) {
      throw new SfjwtError('ERR_KEY_TEXT_AS_PATH', 'The key file setting contains the key text instead of a path; sfjwt did not print it.', {
        details: { setting: source.label ?? 'path' },
      });
    }
    return readKeyFile(source.path, source.label ?? source.path);
  }
  if (source.data === undefined) {
    throw new SfjwtError(
      'ERR_SETTING_MISSING',
      'No private key was given: pass --key-file FILE, or set SF_JWT_KEY_FILE (a path) or SF_JWT_KEY (the PEM text).',
    );
  }
  const bytes = typeof source.data === 'string' ? Buffer.from(source.data, 'utf8') : Buffer.from(source.data);
  return { bytes, label: source.label ?? 'the key data' };
}

async function readKeyFile(path: string, label: string): Promise<KeyInput> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) {
      throw fileReadError(path, stats.isDirectory() ? 'EISDIR' : 'not a regular file');
    }
    if (stats.size > MAX_KEY_BYTES) {
      throw keyUnrecognized(label, 'too-large');
    }
    return { bytes: await readFile(path), label, path, mode: stats.mode };
  } catch (error) {
    if (error instanceof SfjwtError) {
      throw error;
    }
    throw fileReadError(path, (error as NodeJS.ErrnoException).code ?? 'unknown error', error);
  }
}

function fileReadError(path: string, reason: string, cause?: unknown): SfjwtError {
  const advice: Record<string, string> = {
    ENOENT: 'no such file; relative paths start from the current directory',
    EACCES: 'permission denied; run as the file owner or fix its permissions',
    EISDIR: 'it is a directory; name the key file inside it',
  };
  return new SfjwtError('ERR_FILE_READ', `Could not read the key file ${path} (${reason}): ${advice[reason] ?? 'check the path'}.`, {
    details: { path, reason },
    cause,
  });
}
