import type { StoredToken } from '../provider/types.js';
import { getAccessToken, type JwtLoginOptions } from '../token/get-access-token.js';
import type { TokenProvider } from '../provider/token-provider.js';

/**
 * The fields of a username-password flow response that code written against
 * that flow reads. `signature` is absent: it is an HMAC keyed with the client
 * secret, which the JWT bearer flow never uses.
 */
export interface PasswordFlowResponse {
  access_token: string;
  instance_url: string;
  /** Identity URL: https://HOST/id/ORG_ID/USER_ID. */
  id: string;
  token_type: string;
  /** Epoch milliseconds when the token was minted, as a decimal string. */
  issued_at: string;
}

/** JWT login settings (one fresh token request), or a provider whose cached token is returned. */
export type LoginOptions = JwtLoginOptions | { provider: TokenProvider };

/**
 * Logs in through the JWT bearer flow and returns the response shape of the
 * username-password flow, for code that reads `access_token`, `instance_url`
 * and `issued_at`. It takes no password. Without a provider each call sends
 * one token request.
 *
 * @example
 * ```ts
 * const session = await login({ clientId, username, privateKey: { path: 'server.key' } });
 * fetch(`${session.instance_url}/services/data/v66.0/`, { headers: { Authorization: `Bearer ${session.access_token}` } });
 * ```
 */
export async function login(options: LoginOptions): Promise<PasswordFlowResponse> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('login needs an options object');
  }
  if ('password' in options) {
    throw new TypeError('login takes no password: it signs a JWT with the private key instead');
  }
  if ('provider' in options && options.provider !== undefined) {
    return toPasswordFlowResponse(await options.provider.getToken());
  }
  const result = await getAccessToken(options as JwtLoginOptions);
  const issuedAt = (options as JwtLoginOptions).now?.() ?? Date.now();
  return toPasswordFlowResponse({ response: result.token, issuedAt, version: 0 });
}

/** Maps a cached token to the username-password flow's response fields. */
export function toPasswordFlowResponse(entry: StoredToken): PasswordFlowResponse {
  const { response } = entry;
  return {
    access_token: response.access_token,
    instance_url: response.instance_url,
    id: response.id,
    token_type: response.token_type,
    issued_at: String(entry.issuedAt),
  };
}
