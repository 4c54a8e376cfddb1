import { hash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { SfjwtError } from '../errors/sfjwt-error.js';

/**
 * Source of the broker's local secret: its SHA-256 hash in hex, a file
 * holding it on its first line, or an environment variable. The secret itself
 * is never written in the configuration file or on the command line.
 */
export type LocalSecretSource = { sha256: string } | { file: string } | { env: string };

/** SHA-256 of `text`; the broker keeps only this digest of each secret and client id. */
export function sha256(text: string): Buffer {
  // crypto.hash is the one-shot form (Node 20.12 and later), cheaper than a Hash object per request.
  return hash('sha256', text, 'buffer');
}

/**
 * Compares the digest of `candidate` with `expected` in time independent of the
 * value: both sides are 32-byte digests, whatever the length of the input.
 */
export function matchesDigest(candidate: string, expected: Buffer): boolean {
  return timingSafeEqual(sha256(candidate), expected);
}

/** Reads a secret source and returns the SHA-256 digest of the secret. */
export async function secretDigest(source: unknown, field: string, baseDir: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  if (typeof source === 'string') {
    throw configError(`${field} is a literal string; give {"sha256": HEX}, {"file": PATH} or {"env": NAME} instead`);
  }
  if (typeof source !== 'object' || source === null) {
    throw configError(`${field} must be {"sha256": HEX}, {"file": PATH} or {"env": NAME}`);
  }
  const record = source as Record<string, unknown>;
  if (typeof record.sha256 === 'string') {
    if (!/^[0-9a-fA-F]{64}$/.test(record.sha256)) {
      throw configError(`${field}.sha256 must be 64 hexadecimal characters (a SHA-256 digest)`);
    }
    return Buffer.from(record.sha256, 'hex');
  }
  return sha256(await readSecretValue(source, field, baseDir, env));
}

/** Reads a secret given as {"file": PATH} or {"env": NAME}; a literal or an empty value is a configuration error. */
export async function readSecretValue(source: unknown, field: string, baseDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const record = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
  if (typeof record.file === 'string') {
    return nonEmpty(await readSecretFile(record.file, baseDir), `${field}.file ${record.file}`);
  }
  if (typeof record.env === 'string') {
    return nonEmpty(env[record.env] ?? '', `${field}.env ${record.env}`);
  }
  const shown = typeof source === 'string' ? 'is a literal string; give' : 'must be';
  throw configError(`${field} ${shown} {"file": PATH} or {"env": NAME}`);
}

async function readSecretFile(path: string, baseDir: string): Promise<string> {
  const { resolve } = await import('node:path');
  const absolute = resolve(baseDir, path);
  try {
    const text = await readFile(absolute, 'utf8');
    // The first line only: editors and `echo` add a trailing newline.
    return text.split(/\r?\n/, 1)[0] ?? '';
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SfjwtError('ERR_FILE_READ', `Could not read the broker secret file ${absolute} (${reason}).`, {
      details: { path: absolute, reason },
    });
  }
}

function nonEmpty(secret: string, where: string): string {
  if (secret === '') {
    throw configError(`the local secret from ${where} is empty or unset`);
  }
  return secret;
}

/** Creates an ERR_BROKER_CONFIG error for `problem`. */
export function configError(problem: string): SfjwtError {
  return new SfjwtError('ERR_BROKER_CONFIG', `Broker configuration: ${problem}.`);
}
