import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

import { SfjwtError } from '../errors/sfjwt-error.js';
import type { TokenResponse } from '../oauth/exchange.js';
import { DEFAULT_FAILURE_HOLD_MS, reviveFailure, shouldHold, toHeldFailure, type HeldFailure } from './held-failure.js';
import { isSealed, TokenCipher } from './token-cipher.js';
import { describeRedisUrl, openRedis, parseRedisUrl, storeError, type ScriptedRedis } from './redis-connection.js';
import type { MintFunction, StoredToken, TokenPredicate, TokenStore } from './types.js';

export interface RedisStoreOptions {
  /** redis:// or rediss:// URL, with user, password and database number as needed. */
  url: string;
  /** Prefix of every key the store writes (default `sfjwt:`), to share one database between apps. */
  keyPrefix?: string;
  /** Milliseconds the mint lock lives when its holder dies (default 30,000). */
  lockTtlMs?: number;
  /** Milliseconds a caller waits for another holder's mint before failing (default 60,000). */
  waitTimeoutMs?: number;
  /** Milliseconds between two looks at the lock while waiting (default 50, with jitter). */
  pollIntervalMs?: number;
  /** Milliseconds a Salesforce rejection is handed to later callers (default 5,000; at least 1,000). */
  failureHoldMs?: number;
  /** Milliseconds Redis keeps a token (default 7,200,000, the default session timeout). */
  entryTtlMs?: number;
  /** Milliseconds to wait for the connection (default 5,000). */
  connectTimeoutMs?: number;
  /**
   * AES-256 key (32 bytes, or their base64) that encrypts tokens before they
   * reach Redis. Every process sharing the store needs the same key.
   */
  encryptionKey?: string | Uint8Array;
}

interface Settings {
  keyPrefix: string;
  lockTtlMs: number;
  waitTimeoutMs: number;
  pollIntervalMs: number;
  failureHoldMs: number;
  entryTtlMs: number;
  connectTimeoutMs: number;
}

/** The keys of one cache entry; the hash tag keeps them in one Redis Cluster slot. */
interface EntryKeys {
  token: string;
  lock: string;
  fence: string;
  failure: string;
}

/**
 * Token store shared through Redis by every process of a fleet. One caller
 * mints under a lock (SET NX PX with a random owner value) while the others
 * poll and read its token. Each mint takes a fencing version from INCR, and a
 * Lua script stores a token only when its version is newer than the stored
 * one, so a holder whose lock expired mid-mint cannot replace a newer token.
 */
export class RedisTokenStore implements TokenStore {
  readonly url: string;
  private readonly parsedUrl: URL;
  private readonly settings: Settings;
  private readonly cipher: TokenCipher | undefined;
  private client: Promise<ScriptedRedis> | undefined;

  constructor(options: RedisStoreOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('RedisTokenStore needs an options object with a url');
    }
    this.parsedUrl = parseRedisUrl(options.url);
    this.url = describeRedisUrl(this.parsedUrl);
    this.settings = {
      keyPrefix: options.keyPrefix ?? 'sfjwt:',
      lockTtlMs: positive(options.lockTtlMs, 30_000, 'lockTtlMs'),
      waitTimeoutMs: positive(options.waitTimeoutMs, 60_000, 'waitTimeoutMs'),
      pollIntervalMs: positive(options.pollIntervalMs, 50, 'pollIntervalMs'),
      failureHoldMs: failureHold(options.failureHoldMs),
      entryTtlMs: positive(options.entryTtlMs, 7_200_000, 'entryTtlMs'),
      connectTimeoutMs: positive(options.connectTimeoutMs, 5_000, 'connectTimeoutMs'),
    };
    this.cipher = options.encryptionKey === undefined ? undefined : new TokenCipher(options.encryptionKey);
  }

  async get(key: string): Promise<StoredToken | undefined> {
    const tokenKey = this.keys(key).token;
    const [version, value] = await this.run((redis) => redis.hmget(tokenKey, 'version', 'value'));
    if (version === null || version === undefined || value === null || value === undefined) {
      return undefined;
    }
    const plaintext = this.cipher === undefined ? readPlain(value) : this.cipher.open(value, tokenKey);
    const parsed = JSON.parse(plaintext) as { response: TokenResponse; issuedAt: number };
    return { response: parsed.response, issuedAt: parsed.issuedAt, version: Number(version) };
  }

  async getOrMint(key: string, usable: TokenPredicate, mint: MintFunction): Promise<StoredToken> {
    const deadline = Date.now() + this.settings.waitTimeoutMs;
    for (;;) {
      const entry = await this.get(key);
      if (entry !== undefined && usable(entry)) {
        return entry;
      }
      await this.throwHeldFailure(key);
      const owner = randomBytes(16).toString('hex');
      if (await this.tryLock(key, owner)) {
        try {
          return await this.mintLocked(key, usable, mint);
        } finally {
          // A lock that cannot be released expires after lockTtlMs; the mint's own outcome wins.
          await this.releaseLock(key, owner).catch(() => undefined);
        }
      }
      if (Date.now() >= deadline) {
        throw this.waitTimeout();
      }
      await delay(this.settings.pollIntervalMs * (0.5 + Math.random()));
    }
  }

  /**
   * Stores `entry` when its version is newer than the stored token's and
   * returns whether it did. getOrMint writes through this; a stale writer gets false.
   */
  async writeIfNewer(key: string, entry: StoredToken): Promise<boolean> {
    const keys = this.keys(key);
    const plaintext = JSON.stringify({ response: entry.response, issuedAt: entry.issuedAt });
    const value = this.cipher === undefined ? plaintext : this.cipher.seal(plaintext, keys.token);
    const written = await this.run((redis) =>
      redis.sfjwtWriteIfNewer(keys.token, keys.failure, entry.version, value, this.settings.entryTtlMs),
    );
    return written === 1;
  }

  /** Takes the next fencing version for `key`; every mint takes one before its token request. */
  async nextVersion(key: string): Promise<number> {
    return this.run((redis) => redis.incr(this.keys(key).fence));
  }

  async delete(key: string): Promise<void> {
    const keys = this.keys(key);
    await this.run((redis) => redis.del(keys.token, keys.failure));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      const redis = await client.catch(() => undefined);
      redis?.disconnect();
    }
  }

  private async mintLocked(key: string, usable: TokenPredicate, mint: MintFunction): Promise<StoredToken> {
    // Another holder may have written a token between the first read and the lock.
    const current = await this.get(key);
    if (current !== undefined && usable(current)) {
      return current;
    }
    const version = await this.nextVersion(key);
    let response: TokenResponse;
    try {
      response = await mint();
    } catch (error) {
      if (shouldHold(error)) {
        await this.holdFailure(key, version, toHeldFailure(error));
      }
      throw error;
    }
    const entry: StoredToken = { response, issuedAt: Date.now(), version };
    if (await this.writeIfNewer(key, entry)) {
      return entry;
    }
    return (await this.get(key)) ?? entry;
  }

  private async tryLock(key: string, owner: string): Promise<boolean> {
    const answer = await this.run((redis) => redis.set(this.keys(key).lock, owner, 'PX', this.settings.lockTtlMs, 'NX'));
    return answer === 'OK';
  }

  private async releaseLock(key: string, owner: string): Promise<void> {
    await this.run((redis) => redis.sfjwtReleaseLock(this.keys(key).lock, owner));
  }

  private async holdFailure(key: string, version: number, failure: HeldFailure): Promise<void> {
    const keys = this.keys(key);
    const value = JSON.stringify(failure);
    await this.run((redis) =>
      redis.sfjwtHoldFailure(keys.token, keys.failure, version, value, this.settings.failureHoldMs),
    );
  }

  private async throwHeldFailure(key: string): Promise<void> {
    const held = await this.run((redis) => redis.get(this.keys(key).failure));
    if (held !== null) {
      throw reviveFailure(JSON.parse(held) as HeldFailure);
    }
  }

  private keys(key: string): EntryKeys {
    const base = `${this.settings.keyPrefix}{${key}}`;
    return { token: `${base}:token`, lock: `${base}:lock`, fence: `${base}:fence`, failure: `${base}:failure` };
  }

  private async run<T>(command: (redis: ScriptedRedis) => Promise<T>): Promise<T> {
    try {
      this.client ??= openRedis(this.parsedUrl, this.settings.connectTimeoutMs);
      return await command(await this.client);
    } catch (error) {
      throw storeError(this.parsedUrl, error);
    }
  }

  private waitTimeout(): SfjwtError {
    const seconds = this.settings.waitTimeoutMs / 1000;
    return new SfjwtError(
      'ERR_TOKEN_STORE_TIMEOUT',
      `Waited ${seconds} s for another process to mint a token through ${this.url}; the lock is still held.`,
      { details: { redisUrl: this.url, waitTimeoutMs: this.settings.waitTimeoutMs } },
    );
  }
}

/** Returns a value stored without encryption; an encrypted one needs the key. */
function readPlain(value: string): string {
  if (isSealed(value)) {
    throw new SfjwtError('ERR_TOKEN_STORE_DECRYPT', 'A token in the Redis store is encrypted, but no encryptionKey was given.');
  }
  return value;
}

/**
 * Returns the hold of a failed mint: at least one second, even when 0 is
 * given, because waiting processes poll and must still see the failure.
 */
function failureHold(value: number | undefined): number {
  const requested = value === 0 ? 0 : positive(value, DEFAULT_FAILURE_HOLD_MS, 'failureHoldMs');
  return Math.max(1_000, requested);
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number of milliseconds, got ${typeof value}`);
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new SfjwtError('ERR_SETTING_INVALID', `${name} must be a positive number of milliseconds, got ${value}.`, {
      details: { setting: name },
    });
  }
  return value;
}
