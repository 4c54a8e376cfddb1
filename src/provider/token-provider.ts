import type { KeyObject } from 'node:crypto';
import { inspect } from 'node:util';

import { SfjwtError } from '../errors/sfjwt-error.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { loadPrivateKey, type KeySource } from '../keys/load-key.js';
import { classifyLoginUrl, PRODUCTION_LOGIN_URL } from '../oauth/endpoints.js';
import type { TokenResponse } from '../oauth/exchange.js';
import { getAccessToken, type JwtLoginOptions } from '../token/get-access-token.js';
import { validateIdentity } from '../token/validate-identity.js';
import { tokenCacheKey } from './cache-key.js';
import { resolveStore } from './resolve-store.js';
import type { RedisStoreOptions } from './redis-store.js';
import type { StoredToken, TokenStore } from './types.js';

/**
 * Default maximum age of a cached token: one hour. Salesforce does not return
 * the session timeout with the token. The default timeout is two hours and
 * counts from the last use, so a token younger than one hour is alive unless
 * the org set a shorter timeout or revoked the session. A 401 covers those cases.
 */
export const DEFAULT_MAX_AGE_SECONDS = 3_600;

/** Reason the provider requested a new token. */
export type MintReason = 'missing' | 'expired' | 'expiring' | 'invalidated';

/** One token request made by the provider. It never contains the token. */
export interface MintEvent {
  cacheKey: string;
  reason: MintReason;
  outcome: 'issued' | 'failed';
  durationMs: number;
  /** The error code of a failed request. */
  code?: ErrorCode;
}

export interface TokenProviderOptions extends JwtLoginOptions {
  /**
   * Token cache: a TokenStore, or a redis:// or rediss:// URL to share tokens
   * across processes. In this process's memory unless set.
   */
  store?: TokenStore | string;
  /** Settings of the Redis store created from a `store` URL. */
  redis?: Omit<RedisStoreOptions, 'url'>;
  /**
   * Seconds after which a cached token is replaced before use (default 3,600).
   * Keep it below the session timeout of the org or app; Infinity reuses a
   * token until a call returns 401.
   */
  maxAgeSeconds?: number;
  /**
   * Seconds before maxAgeSeconds at which a call starts a re-mint in the
   * background while it still returns the cached token (default 0, off). One
   * background attempt is made per token; when it fails, the token is still
   * used until maxAgeSeconds.
   */
  refreshAheadSeconds?: number;
  /** Milliseconds a Salesforce rejection is handed to later callers instead of a new request (default 5,000). */
  failureHoldMs?: number;
  /** Called after each token request the provider makes, for logs and metrics. */
  onMint?: (event: MintEvent) => void;
}

/** Cached, shared access to the access token of one (token URL, consumer key, username). */
export interface TokenProvider {
  /** Returns the cached token, or mints one; concurrent callers share one request. */
  getToken(): Promise<StoredToken>;
  /**
   * Returns the cached token when it is younger than maxAgeSeconds, without
   * waiting; undefined when getToken() would have to read the store or mint.
   */
  peekToken(): StoredToken | undefined;
  /**
   * Reports that `staleAccessToken` was rejected (HTTP 401 INVALID_SESSION_ID)
   * and returns a token to retry with. Only the first report of a token mints
   * a new one; later reports of the same token get that new token.
   */
  invalidate(staleAccessToken: string): Promise<StoredToken>;
  /** The cache key: a hash of the token URL, consumer key and username. */
  readonly cacheKey: string;
  readonly tokenEndpoint: string;
  /** Closes the store when the provider created it from a URL or by default. */
  close(): Promise<void>;
}

/**
 * Creates a token provider: getAccessToken with a cache in front of it.
 *
 * @example
 * ```ts
 * const provider = createTokenProvider({
 *   clientId: process.env.SF_CLIENT_ID!,
 *   username: 'integration@example.com',
 *   privateKey: { path: 'certs/server.key' },
 *   store: process.env.REDIS_URL, // optional: share tokens across processes
 * });
 * const { response } = await provider.getToken();
 * ```
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createTokenProvider needs an options object');
  }
  validateIdentity(options.clientId, options.username);
  return new CachingTokenProvider(options);
}

interface Flight {
  stale: string | undefined;
  promise: Promise<StoredToken>;
}

class CachingTokenProvider implements TokenProvider {
  readonly cacheKey: string;
  readonly tokenEndpoint: string;
  private readonly store: TokenStore;
  private readonly ownsStore: boolean;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private local: StoredToken | undefined;
  private flight: Flight | undefined;
  private key: Promise<KeyObject> | undefined;
  private readonly refreshAtMs: number;
  private readonly loginOptions: JwtLoginOptions;
  /** The token whose background re-mint was started, so each token gets one attempt. */
  private refreshedAhead: StoredToken | undefined;

  constructor(private readonly options: TokenProviderOptions) {
    this.tokenEndpoint = classifyLoginUrl(options.loginUrl ?? PRODUCTION_LOGIN_URL).tokenEndpoint;
    this.cacheKey = tokenCacheKey(this.tokenEndpoint, options.clientId, options.username);
    this.maxAgeMs = maxAgeMs(options.maxAgeSeconds);
    this.refreshAtMs = refreshAtMs(options.refreshAheadSeconds, this.maxAgeMs);
    this.loginOptions = loginOptionsOf(options);
    this.now = options.now ?? Date.now;
    const resolved = resolveStore(options, this.maxAgeMs);
    this.store = resolved.store;
    this.ownsStore = resolved.owned;
  }

  /**
   * Shows only the endpoint and cache key when the provider is logged: its
   * fields hold the key source (perhaps PEM text and a passphrase) and the token.
   */
  [inspect.custom](): string {
    return `TokenProvider { tokenEndpoint: '${this.tokenEndpoint}', cacheKey: '${this.cacheKey}' }`;
  }

  toJSON(): Record<string, string> {
    return { tokenEndpoint: this.tokenEndpoint, cacheKey: this.cacheKey };
  }

  getToken(): Promise<StoredToken> {
    const local = this.local;
    if (local !== undefined && this.isFresh(local)) {
      this.refreshAhead(local);
      return Promise.resolve(local);
    }
    return this.refresh(undefined);
  }

  peekToken(): StoredToken | undefined {
    const local = this.local;
    if (local === undefined || !this.isFresh(local)) {
      return undefined;
    }
    this.refreshAhead(local);
    return local;
  }

  invalidate(staleAccessToken: string): Promise<StoredToken> {
    if (typeof staleAccessToken !== 'string') {
      return Promise.reject(new TypeError('invalidate needs the rejected access token as a string'));
    }
    const local = this.local;
    if (local !== undefined && local.response.access_token !== staleAccessToken && this.isFresh(local)) {
      return Promise.resolve(local);
    }
    return this.refresh(staleAccessToken);
  }

  async close(): Promise<void> {
    if (this.ownsStore) {
      await this.store.close();
    }
  }

  /** Starts one background re-mint of `entry` once it is older than refreshAtMs. */
  private refreshAhead(entry: StoredToken): void {
    if (this.refreshAtMs === Number.POSITIVE_INFINITY || this.refreshedAhead === entry || this.flight !== undefined) {
      return;
    }
    if (this.now() - entry.issuedAt < this.refreshAtMs) {
      return;
    }
    this.refreshedAhead = entry;
    // A failure reaches onMint; callers keep the cached token until maxAgeSeconds.
    this.startFlight(entry.response.access_token, 'expiring').catch(() => undefined);
  }

  /** Joins the request in flight or starts one; a caller joins at most two requests. */
  private refresh(stale: string | undefined): Promise<StoredToken> {
    const current = this.flight;
    if (current === undefined) {
      return this.startFlight(stale);
    }
    if (current.stale === stale) {
      return current.promise;
    }
    return current.promise.then((entry) => (this.isAcceptable(entry, stale) ? entry : this.joinOrStart(stale)));
  }

  private joinOrStart(stale: string | undefined): Promise<StoredToken> {
    const flight = this.flight;
    return flight !== undefined && flight.stale === stale ? flight.promise : this.startFlight(stale);
  }

  private startFlight(stale: string | undefined, reason: MintReason = this.reasonFor(stale)): Promise<StoredToken> {
    const usable = (entry: StoredToken): boolean => this.isAcceptable(entry, stale);
    const promise = this.store
      .getOrMint(this.cacheKey, usable, () => this.mint(reason))
      .then((entry) => {
        this.local = entry;
        return entry;
      })
      .finally(() => {
        if (this.flight?.promise === promise) {
          this.flight = undefined;
        }
      });
    this.flight = { stale, promise };
    return promise;
  }

  private reasonFor(stale: string | undefined): MintReason {
    if (stale !== undefined) {
      return 'invalidated';
    }
    return this.local === undefined ? 'missing' : 'expired';
  }

  private async mint(reason: MintReason): Promise<TokenResponse> {
    const started = this.now();
    const report = (outcome: MintEvent['outcome'], code?: ErrorCode): void => {
      const event: MintEvent = { cacheKey: this.cacheKey, reason, outcome, durationMs: this.now() - started };
      this.options.onMint?.(code === undefined ? event : { ...event, code });
    };
    try {
      const result = await getAccessToken({ ...this.loginOptions, privateKey: await this.privateKey() });
      report('issued');
      return result.token;
    } catch (error) {
      report('failed', error instanceof SfjwtError ? error.code : undefined);
      throw error;
    }
  }

  /** Loads a key source once; a failed load is tried again on the next mint. */
  private privateKey(): Promise<KeyObject> {
    const source = this.options.privateKey;
    if (isKeyObject(source)) {
      return Promise.resolve(source);
    }
    this.key ??= loadPrivateKey(source as KeySource).then((loaded) => loaded.privateKey);
    this.key.catch(() => {
      this.key = undefined;
    });
    return this.key;
  }

  private isAcceptable(entry: StoredToken, stale: string | undefined): boolean {
    return entry.response.access_token !== stale && this.isFresh(entry);
  }

  private isFresh(entry: StoredToken): boolean {
    return this.now() - entry.issuedAt < this.maxAgeMs;
  }
}

/** The options of the provider that getAccessToken does not take. */
const PROVIDER_OPTIONS = ['store', 'redis', 'maxAgeSeconds', 'refreshAheadSeconds', 'failureHoldMs', 'onMint'] as const;

function loginOptionsOf(options: TokenProviderOptions): JwtLoginOptions {
  const login: Record<string, unknown> = { ...options };
  for (const name of PROVIDER_OPTIONS) {
    delete login[name];
  }
  return login as unknown as JwtLoginOptions;
}

function isKeyObject(key: JwtLoginOptions['privateKey']): key is KeyObject {
  return typeof (key as KeyObject).asymmetricKeyType === 'string' || (key as KeyObject).type === 'private';
}

/** Age in milliseconds at which the background re-mint starts; Infinity when refresh-ahead is off. */
function refreshAtMs(seconds: number | undefined, maxAge: number): number {
  if (seconds === undefined || seconds === 0) {
    return Number.POSITIVE_INFINITY;
  }
  if (typeof seconds !== 'number') {
    throw new TypeError(`refreshAheadSeconds must be a number, got ${typeof seconds}`);
  }
  if (Number.isNaN(seconds) || seconds < 0 || seconds * 1000 >= maxAge) {
    throw new SfjwtError('ERR_SETTING_INVALID', `refreshAheadSeconds must be from 0 to below maxAgeSeconds, got ${seconds}.`, {
      details: { setting: 'refreshAheadSeconds' },
      actions: ['Pass a value well below maxAgeSeconds, for example 300 with the default maxAgeSeconds of 3600.'],
    });
  }
  return maxAge - seconds * 1000;
}

function maxAgeMs(seconds: number | undefined): number {
  if (seconds === undefined) {
    return DEFAULT_MAX_AGE_SECONDS * 1000;
  }
  if (typeof seconds !== 'number') {
    throw new TypeError(`maxAgeSeconds must be a number, got ${typeof seconds}`);
  }
  if (Number.isNaN(seconds) || seconds <= 0) {
    throw new SfjwtError('ERR_SETTING_INVALID', `maxAgeSeconds must be a positive number of seconds, got ${seconds}.`, {
      details: { setting: 'maxAgeSeconds' },
      actions: ['Pass a value below the session timeout of the org or app, for example 3600; Infinity disables it.'],
    });
  }
  return seconds * 1000;
}
