/** Claims of a Salesforce JWT bearer assertion. */
export interface AssertionClaims {
  /** Consumer key of the app. */
  iss: string;
  /** Username, raw and unescaped. */
  sub: string;
  /** One URL: login, test, a site or a My Domain. */
  aud: string;
  /** Expiry, NumericDate in whole seconds. */
  exp: number;
  jti?: string;
}

/** Default lifetime of an assertion; Salesforce documents "within 3 minutes". */
export const DEFAULT_ASSERTION_LIFETIME_SECONDS = 180;

export interface ClaimsInput {
  clientId: string;
  username: string;
  audience: string;
  /** Seconds until `exp`, 1 to 180. */
  lifetimeSeconds?: number;
  /** Adds a `jti`; Salesforce then rejects any replay of this assertion. */
  jti?: string;
  /** Clock in epoch milliseconds; read once, so `exp` comes from a single reading. */
  now?: () => number;
}

/**
 * Builds the claims. `exp` is whole seconds from one clock reading: a
 * milliseconds value would be accepted by Salesforce but is wrong by RFC 7519
 * section 2 (NumericDate), and sfjwt emits nothing it would not accept itself.
 */
export function buildClaims(input: ClaimsInput): AssertionClaims {
  const lifetime = input.lifetimeSeconds ?? DEFAULT_ASSERTION_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > DEFAULT_ASSERTION_LIFETIME_SECONDS) {
    throw new RangeError(`lifetimeSeconds must be an integer from 1 to 180, got ${lifetime}`);
  }
  const nowSeconds = Math.floor((input.now ?? Date.now)() / 1000);
  const claims: AssertionClaims = {
    iss: input.clientId,
    sub: input.username,
    aud: input.audience,
    exp: nowSeconds + lifetime,
  };
  if (input.jti !== undefined) {
    claims.jti = input.jti;
  }
  return claims;
}
