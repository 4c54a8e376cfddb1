import { createHmac, timingSafeEqual } from 'node:crypto';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { SALESFORCE_ERRORS, type SalesforceAnswer } from '../oauth/salesforce-errors.js';
import { toPasswordFlowResponse } from '../clients/password-compatible-login.js';
import type { BrokerClient } from './config.js';
import type { BrokerProviders } from './providers.js';
import { matchesDigest, sha256 } from './secret.js';

/** The broker's answer to one token request, and what its log line may show. */
export interface GrantResult {
  status: number;
  body: unknown;
  /** Log fields: never a token, secret or password. */
  log: Record<string, string>;
}

/**
 * Serves one username-password grant: checks the client id and the local
 * secret in constant time, then answers with a token minted through the JWT
 * bearer flow in the password flow's response shape. The password field is
 * compared with the local secret and sent nowhere.
 */
export async function servePasswordGrant(form: URLSearchParams, providers: BrokerProviders): Promise<GrantResult> {
  if (form.get('grant_type') !== 'password') {
    return reject(SALESFORCE_ERRORS.unsupportedGrantType, { grant: form.get('grant_type') === null ? 'none' : 'other' });
  }
  const client = findClient(form.get('client_id') ?? '', providers.clients);
  if (client === undefined) {
    return reject(SALESFORCE_ERRORS.invalidClientId, { client: 'unknown' });
  }
  const username = form.get('username') ?? '';
  const secretMatches = matchesDigest(form.get('password') ?? '', client.secretDigest);
  const known = client.usernames.has(username);
  const log = { client: shortClientId(client.clientId), user: known ? username : 'unknown' };
  if (!secretMatches || !known) {
    return reject(SALESFORCE_ERRORS.authenticationFailure, { ...log, reason: known ? 'secret' : 'username' });
  }
  try {
    const entry = await providers.forUser(client, username).getToken();
    const response = toPasswordFlowResponse(entry);
    const clientSecret = form.get('client_secret');
    const signature = clientSecret === null ? {} : { signature: sign(response.id, response.issued_at, clientSecret) };
    return { status: 200, body: { ...response, ...signature }, log: { ...log, outcome: 'issued', version: String(entry.version) } };
  } catch (error) {
    return upstreamFailure(error, log);
  }
}

/** Finds the client whose id matches, comparing every configured digest so timing does not depend on which. */
function findClient(clientId: string, clients: readonly BrokerClient[]): BrokerClient | undefined {
  const digest = sha256(clientId);
  let found: BrokerClient | undefined;
  for (const client of clients) {
    if (timingSafeEqual(digest, client.clientIdDigest) && found === undefined) {
      found = client;
    }
  }
  return found;
}

/**
 * The password flow's `signature`: base64 HMAC-SHA256 of id and issued_at,
 * keyed with the client secret the tool sent, so a tool that verifies it
 * still can. The secret is used for this only.
 */
function sign(id: string, issuedAt: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(id + issuedAt).digest('base64');
}

function upstreamFailure(error: unknown, log: Record<string, string>): GrantResult {
  if (error instanceof SfjwtError && typeof error.details.error === 'string') {
    const description = typeof error.details.errorDescription === 'string' ? error.details.errorDescription : '';
    return reject({ error: error.details.error, description }, { ...log, code: error.code });
  }
  const code = error instanceof SfjwtError ? error.code : 'ERR_INTERNAL';
  return {
    status: 502,
    body: { error: 'server_error', error_description: 'the token request to Salesforce failed' },
    log: { ...log, outcome: 'failed', code },
  };
}

function reject(answer: SalesforceAnswer, log: Record<string, string>): GrantResult {
  return {
    status: 400,
    body: { error: answer.error, error_description: answer.description },
    log: { ...log, error: answer.error },
  };
}

/** The first 12 characters of a client id, enough to tell configured clients apart in logs. */
function shortClientId(clientId: string): string {
  return clientId.length > 12 ? `${clientId.slice(0, 12)}...` : clientId;
}
