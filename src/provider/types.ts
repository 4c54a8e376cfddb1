import type { TokenResponse } from '../oauth/exchange.js';

/** A cached access token with the facts the provider needs to decide whether to reuse it. */
export interface StoredToken {
  /** The token endpoint's JSON response, as Salesforce returned it. */
  response: TokenResponse;
  /** Epoch milliseconds when the token was minted. */
  issuedAt: number;
  /**
   * Fencing version of the mint that produced this token. It increases with
   * every mint of the same cache key, and a store keeps only the highest.
   */
  version: number;
}

/** Decides whether a stored token may be handed out again. */
export type TokenPredicate = (entry: StoredToken) => boolean;

/** Mints a new token; called by a store at most once per `getOrMint` call. */
export type MintFunction = () => Promise<TokenResponse>;

/**
 * Storage of a token provider's tokens. A store coordinates every caller
 * that shares it: while one of them mints, the others wait and then read the
 * token it wrote, and a failed mint is handed to all of them.
 */
export interface TokenStore {
  /** Returns the entry stored under `key`, or undefined. */
  get(key: string): Promise<StoredToken | undefined>;
  /**
   * Returns the stored entry when `usable` accepts it; otherwise mints one
   * token through `mint`, stores it and returns it. Among all callers sharing
   * the store, one mints at a time for a key.
   */
  getOrMint(key: string, usable: TokenPredicate, mint: MintFunction): Promise<StoredToken>;
  /** Removes the entry stored under `key`. */
  delete(key: string): Promise<void>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
