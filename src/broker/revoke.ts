import { timingSafeEqual } from 'node:crypto';

import { SALESFORCE_ERRORS } from '../oauth/salesforce-errors.js';
import type { GrantResult } from './password-grant.js';
import type { BrokerProviders } from './providers.js';
import { sha256 } from './secret.js';

/**
 * Serves POST /services/oauth2/revoke for a token the broker handed out: the
 * broker drops it and mints a replacement, so the next login gets a new
 * token. The revoke is not sent to Salesforce, because other tools may share
 * the session through the cache.
 */
export async function revokeCachedToken(form: URLSearchParams, providers: BrokerProviders): Promise<GrantResult> {
  const token = form.get('token') ?? '';
  const digest = sha256(token);
  for (const { provider, logFields } of providers.all()) {
    // peekToken never mints, so a revoke with an unknown token causes no token request.
    const entry = provider.peekToken();
    if (entry !== undefined && timingSafeEqual(sha256(entry.response.access_token), digest)) {
      const replacement = await provider.invalidate(token);
      return { status: 200, json: '', log: `${logFields} outcome=revoked version=${replacement.version}` };
    }
  }
  const json = JSON.stringify({ error: SALESFORCE_ERRORS.invalidToken.error, error_description: SALESFORCE_ERRORS.invalidToken.description });
  return { status: 400, json, log: `error=${SALESFORCE_ERRORS.invalidToken.error}` };
}
