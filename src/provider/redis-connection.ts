import type { Redis } from 'ioredis';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { HOLD_FAILURE_IF_NEWER, RELEASE_LOCK, WRITE_IF_NEWER } from './redis-scripts.js';

/** The store's scripts, registered on the client with `defineCommand`. */
export interface ScriptedRedis extends Redis {
  sfjwtWriteIfNewer(token: string, failure: string, version: number, value: string, ttlMs: number): Promise<number>;
  sfjwtHoldFailure(token: string, failure: string, version: number, value: string, holdMs: number): Promise<number>;
  sfjwtReleaseLock(lock: string, owner: string): Promise<number>;
}

/** Checks that `url` is a redis:// or rediss:// URL and returns it parsed. */
export function parseRedisUrl(url: unknown): URL {
  if (typeof url !== 'string') {
    throw new TypeError(`The Redis URL must be a string, got ${typeof url}`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidUrl(url);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw invalidUrl(url);
  }
  return parsed;
}

/** Returns the URL with its passwords masked, for messages. */
export function describeRedisUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password !== '') {
    copy.password = 'redacted';
  }
  // ioredis also takes the password from the query string.
  for (const name of ['password', 'pass']) {
    if (copy.searchParams.has(name)) {
      copy.searchParams.set(name, 'redacted');
    }
  }
  return copy.href;
}

/**
 * Opens an ioredis client that fails fast: a command waits for at most one
 * reconnection, so an unreachable server gives an error instead of a queue
 * that never drains. ioredis is loaded only when a Redis store is used.
 */
export async function openRedis(url: URL, connectTimeoutMs: number): Promise<ScriptedRedis> {
  const { Redis: RedisClient } = await import('ioredis');
  const client = new RedisClient(url.href, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => (attempt > 3 ? null : attempt * 200),
  });
  // Without a listener ioredis prints each connection error; commands report them instead.
  client.on('error', () => undefined);
  client.defineCommand('sfjwtWriteIfNewer', { numberOfKeys: 2, lua: WRITE_IF_NEWER });
  client.defineCommand('sfjwtHoldFailure', { numberOfKeys: 2, lua: HOLD_FAILURE_IF_NEWER });
  client.defineCommand('sfjwtReleaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
  return client as ScriptedRedis;
}

/** Wraps a failed Redis command in ERR_TOKEN_STORE_UNREACHABLE, keeping only the error's name and code. */
export function storeError(url: URL, error: unknown): SfjwtError {
  if (error instanceof SfjwtError) {
    return error;
  }
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
  const where = describeRedisUrl(url);
  return new SfjwtError('ERR_TOKEN_STORE_UNREACHABLE', `The Redis token store ${where} failed (${reason}).`, {
    details: { redisUrl: where, reason },
    cause: new Error(`${(error as Error).name ?? 'Error'} ${reason}`),
  });
}

// The URL is not shown: one that does not parse may hold a password anywhere in it.
function invalidUrl(url: string): SfjwtError {
  return new SfjwtError('ERR_SETTING_INVALID', `The token store URL (${url.length} characters) is not a redis:// or rediss:// URL.`, {
    details: { setting: 'store' },
    actions: ['Pass a URL such as redis://127.0.0.1:6379/0, or rediss://HOST:6380 for TLS.'],
  });
}
