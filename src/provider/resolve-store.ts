import { MemoryTokenStore } from './memory-store.js';
import { RedisTokenStore } from './redis-store.js';
import type { TokenProviderOptions } from './token-provider.js';
import type { TokenStore } from './types.js';

/** A provider's store and whether the provider created it, and so closes it. */
export interface ResolvedStore {
  store: TokenStore;
  owned: boolean;
}

/**
 * Turns the `store` option into a store: memory when unset, Redis for a URL,
 * the given object otherwise. Redis keeps an entry as long as the provider's
 * maximum age, or two hours when there is none.
 */
export function resolveStore(options: TokenProviderOptions, maxAgeMs: number): ResolvedStore {
  const { store } = options;
  const hold = options.failureHoldMs === undefined ? {} : { failureHoldMs: options.failureHoldMs };
  if (store === undefined) {
    return { store: new MemoryTokenStore({ ...hold, ...(options.now === undefined ? {} : { now: options.now }) }), owned: true };
  }
  if (typeof store === 'string') {
    const entryTtl = Number.isFinite(maxAgeMs) ? { entryTtlMs: Math.ceil(maxAgeMs) } : {};
    return { store: new RedisTokenStore({ ...hold, ...entryTtl, ...options.redis, url: store }), owned: true };
  }
  if (typeof store.getOrMint !== 'function' || typeof store.get !== 'function') {
    throw new TypeError('store must be a redis:// URL or an object implementing TokenStore');
  }
  return { store, owned: false };
}
