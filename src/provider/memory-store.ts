import { SfjwtError } from '../errors/sfjwt-error.js';
import { DEFAULT_FAILURE_HOLD_MS, shouldHold } from './held-failure.js';
import type { MintFunction, StoredToken, TokenPredicate, TokenStore } from './types.js';

export interface MemoryStoreOptions {
  /** Milliseconds a Salesforce rejection is handed to later callers before a new request; 0 disables. */
  failureHoldMs?: number;
  /** Clock in epoch milliseconds, for tests. */
  now?: () => number;
}

/**
 * Token store in this process's memory, the default. Concurrent callers for
 * one key share one mint and, when it fails, its error.
 */
export class MemoryTokenStore implements TokenStore {
  private readonly entries = new Map<string, StoredToken>();
  private readonly pending = new Map<string, Promise<StoredToken>>();
  private readonly failures = new Map<string, { error: SfjwtError; until: number }>();
  private readonly versions = new Map<string, number>();
  private readonly failureHoldMs: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.failureHoldMs = options.failureHoldMs ?? DEFAULT_FAILURE_HOLD_MS;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<StoredToken | undefined> {
    return this.entries.get(key);
  }

  async getOrMint(key: string, usable: TokenPredicate, mint: MintFunction): Promise<StoredToken> {
    for (;;) {
      const entry = this.entries.get(key);
      if (entry !== undefined && usable(entry)) {
        return entry;
      }
      const pending = this.pending.get(key);
      if (pending === undefined) {
        break;
      }
      // A rejection here hands the one failure to every waiter.
      await pending;
    }
    this.throwHeldFailure(key);
    const minting = this.mintAndStore(key, mint);
    this.pending.set(key, minting);
    try {
      return await minting;
    } finally {
      this.pending.delete(key);
    }
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
    this.failures.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.failures.clear();
  }

  private async mintAndStore(key: string, mint: MintFunction): Promise<StoredToken> {
    const version = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, version);
    let response;
    try {
      response = await mint();
    } catch (error) {
      if (shouldHold(error) && this.failureHoldMs > 0) {
        this.failures.set(key, { error, until: this.now() + this.failureHoldMs });
      }
      throw error;
    }
    const entry: StoredToken = { response, issuedAt: this.now(), version };
    const current = this.entries.get(key);
    if (current !== undefined && current.version >= version) {
      return current;
    }
    this.entries.set(key, entry);
    this.failures.delete(key);
    return entry;
  }

  private throwHeldFailure(key: string): void {
    const held = this.failures.get(key);
    if (held === undefined) {
      return;
    }
    if (held.until <= this.now()) {
      this.failures.delete(key);
      return;
    }
    throw held.error;
  }
}
