import { createHash } from 'node:crypto';

import type { SelectedKey } from './select-key.js';

/** Bound on cached keys; a process loads one or two keys, a few more during rotation. */
const MAX_ENTRIES = 32;

const cache = new Map<string, SelectedKey>();

/** Hashes the input bytes, passphrase and label into a cache key; the map never stores them. */
export function cacheKey(bytes: Uint8Array, passphrase: string | undefined, label: string): string {
  const hash = createHash('sha256');
  hash.update(`${label.length}:${label}`);
  hash.update(passphrase === undefined ? '-' : `+${passphrase.length}:${passphrase}`);
  hash.update(bytes);
  return hash.digest('base64');
}

export function getCachedKey(key: string): SelectedKey | undefined {
  return cache.get(key);
}

export function setCachedKey(key: string, value: SelectedKey): void {
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  cache.set(key, value);
}

/**
 * Empties the process-wide key cache, for tests and long-running processes
 * that rotate keys.
 *
 * @example
 * ```ts
 * clearKeyCache();
 * ```
 */
export function clearKeyCache(): void {
  cache.clear();
}
