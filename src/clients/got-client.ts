import got, { type AfterResponseHook, type BeforeErrorHook, type BeforeRequestHook, type ExtendOptions, type Got } from 'got';

import { SfjwtError } from '../errors/sfjwt-error.js';
import type { TokenProvider } from '../provider/token-provider.js';
import { bearerOf, isInvalidSession } from './invalid-session.js';
import { providerOf, type ProviderSource } from './provider-option.js';

/** Login settings or a provider, plus got options merged into the client. */
export type ClientOptions = ProviderSource & {
  /** got options for the instance (timeout, retry, headers, hooks); sfjwt's hooks run first. */
  got?: ExtendOptions;
};

/**
 * Creates a got 14 instance for the org's REST API. Its `prefixUrl` is the
 * instance_url of the first token, and every request carries the cached token
 * as a bearer header. A 401 INVALID_SESSION_ID response is retried exactly once
 * with a re-minted token. Errors raised by the client have their
 * Authorization header replaced by `Bearer [redacted]`; a failed token request
 * rejects with its SfjwtError.
 *
 * @example
 * ```ts
 * const salesforce = await createClient({ clientId, username, privateKey: { path: 'server.key' } });
 * const result = await salesforce.get('services/data/v66.0/query', { searchParams: { q: 'SELECT Id FROM Account' } }).json();
 * ```
 */
export async function createClient(options: ClientOptions): Promise<Got> {
  const provider = providerOf(options, 'createClient');
  const first = await provider.getToken();
  const sfjwtHooks: ExtendOptions = {
    prefixUrl: first.response.instance_url,
    hooks: {
      beforeRequest: [authorize(provider)],
      afterResponse: [retryInvalidSession(provider)],
      beforeError: [redactAuthorization],
    },
  };
  return got.extend(sfjwtHooks, options.got ?? {});
}

function authorize(provider: TokenProvider): BeforeRequestHook {
  return async (requestOptions) => {
    const entry = await provider.getToken();
    requestOptions.headers.authorization = `Bearer ${entry.response.access_token}`;
  };
}

function retryInvalidSession(provider: TokenProvider): AfterResponseHook {
  return async (response, retryWithMergedOptions) => {
    if (!isInvalidSession(response.statusCode, response.body)) {
      return response;
    }
    const used = bearerOf(response.request.options.headers.authorization);
    if (used !== undefined) {
      await provider.invalidate(used);
    }
    // got drops this hook from the retried request, so a second 401 is returned, not retried again.
    return retryWithMergedOptions({});
  };
}

/**
 * Replaces the bearer token in the failed request's headers, and hands back
 * sfjwt's own error when a token request failed inside a hook (got wraps it
 * in a RequestError otherwise).
 */
const redactAuthorization: BeforeErrorHook = (error) => {
  const headers = error.options?.headers;
  if (headers?.authorization !== undefined) {
    headers.authorization = 'Bearer [redacted]';
  }
  return error.cause instanceof SfjwtError ? error.cause : error;
};
