import { createHmac, hash, timingSafeEqual } from 'node:crypto';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { SALESFORCE_ERRORS, type SalesforceAnswer } from '../oauth/salesforce-errors.js';
import { toPasswordFlowResponse } from '../clients/password-compatible-login.js';
import type { TokenProvider } from '../provider/token-provider.js';
import type { StoredToken } from '../provider/types.js';
import type { BrokerClient } from './config.js';
import { shortClientId, type BrokerProviders } from './providers.js';
import { matchesDigest, sha256 } from './secret.js';

/** Most request bodies remembered as verified; the memory is emptied when it fills. */
const MAX_VERIFIED_BODIES = 1_024;

/** The broker's response to one token request, and what its log line may show. */
export interface GrantResult {
  status: number;
  /** The JSON body, serialized. */
  json: string;
  /** Log fields (`name=value ...`): never a token, secret or password. */
  log: string;
}

/** A request body that passed every check, with the last response built for it. */
interface VerifiedGrant {
  provider: TokenProvider;
  clientSecret: string | null;
  logFields: string;
  entry?: StoredToken;
  json?: string;
}

/**
 * Serves username-password grants: checks the client id and the local secret
 * in constant time, then responds with a token minted through the JWT bearer
 * flow in the password flow's response shape. The password field is compared
 * with the local secret and sent nowhere.
 *
 * A body that passed the checks is remembered by its SHA-256 digest, so a tool
 * that repeats the same request skips parsing and checking. A digest reveals
 * nothing about the secret. Bodies that failed a check are not remembered.
 */
export class PasswordGrantService {
  private readonly verified = new Map<string, VerifiedGrant>();

  constructor(private readonly providers: BrokerProviders) {}

  /** Responds to one form-encoded request body; synchronously when the token is cached in this process. */
  serve(body: Uint8Array): GrantResult | Promise<GrantResult> {
    const digest = hash('sha256', body, 'base64');
    const known = this.verified.get(digest);
    if (known !== undefined) {
      return issue(known);
    }
    const checked = verify(new URLSearchParams(Buffer.from(body).toString('utf8')), this.providers);
    if ('status' in checked) {
      return checked;
    }
    if (this.verified.size >= MAX_VERIFIED_BODIES) {
      this.verified.clear();
    }
    this.verified.set(digest, checked);
    return issue(checked);
  }
}

/** Runs every check of a password grant; returns the verified request or the rejection. */
function verify(form: URLSearchParams, providers: BrokerProviders): VerifiedGrant | GrantResult {
  if (form.get('grant_type') !== 'password') {
    return reject(SALESFORCE_ERRORS.unsupportedGrantType, `grant=${form.get('grant_type') === null ? 'none' : 'other'}`);
  }
  const client = findClient(form.get('client_id') ?? '', providers.clients);
  if (client === undefined) {
    return reject(SALESFORCE_ERRORS.invalidClientId, 'client=unknown');
  }
  const username = form.get('username') ?? '';
  const secretMatches = matchesDigest(form.get('password') ?? '', client.secretDigest);
  const user = client.users.get(username);
  const logFields = `client=${shortClientId(client.clientId)} user=${user === undefined ? 'unknown' : username}`;
  if (!secretMatches || user === undefined) {
    return reject(SALESFORCE_ERRORS.authenticationFailure, `${logFields} reason=${user === undefined ? 'username' : 'secret'}`);
  }
  return { provider: providers.forUser(client, user), clientSecret: form.get('client_secret'), logFields };
}

/** Responds to a verified request with the provider's token, waiting only when it is not cached here. */
function issue(grant: VerifiedGrant): GrantResult | Promise<GrantResult> {
  const cached = grant.provider.peekToken();
  if (cached !== undefined) {
    return answer(grant, cached);
  }
  return grant.provider.getToken().then(
    (entry) => answer(grant, entry),
    (error: unknown) => upstreamFailure(error, grant.logFields),
  );
}

/** Builds the success response, serializing it only when the token changed. */
function answer(grant: VerifiedGrant, entry: StoredToken): GrantResult {
  if (grant.entry !== entry || grant.json === undefined) {
    const response = toPasswordFlowResponse(entry);
    const signature = grant.clientSecret === null ? {} : { signature: sign(response.id, response.issued_at, grant.clientSecret) };
    grant.json = JSON.stringify({ ...response, ...signature });
    grant.entry = entry;
  }
  return { status: 200, json: grant.json, log: `${grant.logFields} outcome=issued version=${entry.version}` };
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
 * Computes the password flow's `signature`: base64 HMAC-SHA256 of id and issued_at,
 * keyed with the client secret the tool sent, so a tool that verifies it
 * still can. The secret is used for this only.
 */
function sign(id: string, issuedAt: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(id + issuedAt).digest('base64');
}

function upstreamFailure(error: unknown, logFields: string): GrantResult {
  if (error instanceof SfjwtError && typeof error.details.error === 'string') {
    const description = typeof error.details.errorDescription === 'string' ? error.details.errorDescription : '';
    return reject({ error: error.details.error, description }, `${logFields} code=${error.code}`);
  }
  const code = error instanceof SfjwtError ? error.code : 'ERR_INTERNAL';
  return {
    status: 502,
    json: JSON.stringify({ error: 'server_error', error_description: 'the token request to Salesforce failed' }),
    log: `${logFields} outcome=failed code=${code}`,
  };
}

function reject(answer: SalesforceAnswer, log: string): GrantResult {
  const json = JSON.stringify({ error: answer.error, error_description: answer.description });
  return { status: 400, json, log: `${log} error=${answer.error}` };
}
