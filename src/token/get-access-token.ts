import { KeyObject } from 'node:crypto';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { loadPrivateKey, type KeySource } from '../keys/load-key.js';
import { buildClaims, type AssertionClaims } from '../jwt/claims.js';
import { signAssertion } from '../jwt/sign.js';
import { alternativeAudience, resolveAudience } from '../oauth/audience.js';
import { classifyLoginUrl, PRODUCTION_LOGIN_URL, type EndpointClassification } from '../oauth/endpoints.js';
import { exchangeAssertion, type TokenResponse } from '../oauth/exchange.js';
import type { RetryPolicy } from '../oauth/http.js';
import type { AdviceContext } from '../advice/advise.js';
import { validateIdentity } from './validate-identity.js';

export interface JwtLoginOptions {
  /** Consumer key of the External Client App or connected app (the `iss` claim). */
  clientId: string;
  /** Username of the integration user (the `sub` claim). */
  username: string;
  /** The private key: a KeyObject, or where to load it from. */
  privateKey: KeyObject | KeySource;
  /** Token URL base; https://login.salesforce.com unless set. */
  loginUrl?: string;
  /** Audience; derived from the token URL unless set. */
  audience?: string;
  /**
   * After an audience-class refusal (`audience is invalid`, `app_not_found`),
   * try once more with the documented alternative (true) or this URL (a string).
   * Off by default: each refused request counts as a failed login.
   */
  audienceFallback?: boolean | string;
  /** Seconds until the assertion expires, 1 to 180 (default 180). */
  lifetimeSeconds?: number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onRetry?: (attempt: number, reason: string) => void;
  /** Extra context for advice on failure (certificate fingerprint, app edit time). */
  advice?: Partial<AdviceContext>;
  /** Clock in epoch milliseconds, for tests. */
  now?: () => number;
}

/** An access token and how it was obtained. */
export interface JwtLoginResult {
  token: TokenResponse;
  endpoint: EndpointClassification;
  audience: string;
  audienceDerived: boolean;
  /** The claims that were signed, without the signature. */
  claims: AssertionClaims;
  /** HTTP attempts, retries and a refused first audience included. */
  attempts: number;
  serverDate?: string;
  /** Set when the first audience was refused and the alternative succeeded. */
  fallback?: { refusedAudience: string; refusedCode: string };
}

/**
 * Signs a JWT bearer assertion and exchanges it for an access token. No
 * password or client secret is sent.
 *
 * @example
 * ```ts
 * const { token } = await getAccessToken({
 *   clientId: process.env.SF_CLIENT_ID!,
 *   username: 'integration@example.com',
 *   privateKey: { path: 'certs/server.key' },
 * });
 * console.log(token.instance_url);
 * ```
 */
export async function getAccessToken(options: JwtLoginOptions): Promise<JwtLoginResult> {
  validateIdentity(options.clientId, options.username);
  const endpoint = classifyLoginUrl(options.loginUrl ?? PRODUCTION_LOGIN_URL);
  const { audience, derived } = resolveAudience(endpoint, options.audience);
  const alternative = fallbackAudience(options, endpoint, audience);
  const privateKey = await resolveKey(options.privateKey);
  try {
    return await attempt(options, endpoint, audience, derived, privateKey);
  } catch (error) {
    if (alternative === undefined || !isAudienceClassError(error)) {
      throw error;
    }
    const result = await attempt(options, endpoint, alternative, false, privateKey).catch((second: unknown) => {
      throw bothFailed(error as SfjwtError, second, audience, alternative);
    });
    // The refused request was one HTTP attempt: sfjwt never retries an OAuth 4xx.
    const attempts = result.attempts + 1;
    return { ...result, attempts, fallback: { refusedAudience: audience, refusedCode: (error as SfjwtError).code } };
  }
}

async function attempt(
  options: JwtLoginOptions,
  endpoint: EndpointClassification,
  audience: string,
  audienceDerived: boolean,
  privateKey: KeyObject,
): Promise<JwtLoginResult> {
  const claims = buildClaims({
    clientId: options.clientId,
    username: options.username,
    audience,
    ...(options.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: options.lifetimeSeconds }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const assertion = signAssertion(claims, privateKey);
  const exchanged = await exchangeAssertion({
    tokenEndpoint: endpoint.tokenEndpoint,
    assertion,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
    advice: {
      ...options.advice,
      tokenEndpoint: endpoint.tokenEndpoint,
      audience,
      audienceDerived,
      endpointKind: endpoint.kind,
      endpointFamily: endpoint.family,
      username: options.username,
    },
  });
  return { ...exchanged, endpoint, audience, audienceDerived, claims };
}

async function resolveKey(key: KeyObject | KeySource): Promise<KeyObject> {
  return key instanceof KeyObject ? key : (await loadPrivateKey(key)).privateKey;
}

/**
 * Resolves the fallback audience before anything is sent, so a fallback of
 * the wrong family or an `auto` without a documented alternative fails at
 * once instead of costing a refused login.
 */
function fallbackAudience(options: JwtLoginOptions, endpoint: EndpointClassification, audience: string): string | undefined {
  if (options.audienceFallback === undefined || options.audienceFallback === false) {
    return undefined;
  }
  if (typeof options.audienceFallback === 'string') {
    const fallback = resolveAudience(endpoint, options.audienceFallback).audience;
    return fallback === audience ? undefined : fallback;
  }
  const alternative = alternativeAudience(endpoint, audience);
  if (alternative === undefined) {
    throw new SfjwtError('ERR_SETTING_INVALID', `No documented alternative to audience ${audience} exists for ${endpoint.baseUrl} (${endpoint.kind}).`, {
      details: { setting: 'audience-fallback', audience },
      actions: ['Pass the fallback audience itself, for example --audience-fallback https://MyDomain.my.salesforce.com, or use a My Domain token URL.'],
    });
  }
  return alternative;
}

function isAudienceClassError(error: unknown): boolean {
  return error instanceof SfjwtError && (error.code === 'ERR_OAUTH_AUDIENCE_INVALID' || error.code === 'ERR_OAUTH_APP_NOT_FOUND');
}

function bothFailed(first: SfjwtError, second: unknown, audience: string, alternative: string): unknown {
  if (!(second instanceof SfjwtError)) {
    return second;
  }
  const message = `${second.message} An earlier attempt with audience ${audience} failed with ${first.code}; ` +
    'sfjwt tried no further audience.';
  const actions = [
    `Neither ${audience} nor ${alternative} was accepted. Check that the app exists in this org and is enabled, ` +
      'then find which audience the org expects and pin it with --audience or SF_AUDIENCE_URL.',
    ...second.actions.filter((action) => !action.includes('audience')),
  ];
  return new SfjwtError(second.code, message, {
    details: { ...second.details, firstAudience: audience, firstCode: first.code, secondAudience: alternative },
    actions,
    cause: second,
  });
}
