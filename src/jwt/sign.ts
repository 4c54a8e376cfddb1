import type { KeyObject } from 'node:crypto';

import jwt from 'jsonwebtoken';

import type { AssertionClaims } from './claims.js';

/**
 * Signs the claims as an RS256 JWT with header `{"alg":"RS256","typ":"JWT"}`.
 * jsonwebtoken's own `iat` is left out: Salesforce does not need it and
 * whether it checks it is not documented.
 *
 * @example
 * ```ts
 * const { privateKey } = await loadPrivateKey({ path: 'certs/server.key' });
 * const assertion = signAssertion(buildClaims({ clientId, username, audience }), privateKey);
 * ```
 */
export function signAssertion(claims: AssertionClaims, privateKey: KeyObject): string {
  if (privateKey.type !== 'private') {
    throw new TypeError('signAssertion needs a private KeyObject');
  }
  return jwt.sign({ ...claims }, privateKey, { algorithm: 'RS256', noTimestamp: true });
}
