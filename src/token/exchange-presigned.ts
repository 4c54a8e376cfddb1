import { decodeClaims, type DecodedClaims } from '../jwt/decode.js';
import { SfjwtError } from '../errors/sfjwt-error.js';
import { resolveAudience } from '../oauth/audience.js';
import { classifyLoginUrl, PRODUCTION_LOGIN_URL } from '../oauth/endpoints.js';
import { exchangeAssertion, validateAssertionShape } from '../oauth/exchange.js';
import type { JwtLoginOptions, JwtLoginResult } from './get-access-token.js';

/**
 * Exchanges an assertion signed elsewhere. Its shape, algorithm and expiry
 * are checked before anything is sent, because each refused request counts
 * as a failed login. Its claims are read, not verified, for the advice.
 */
export async function exchangePresigned(
  assertion: string,
  options: Omit<JwtLoginOptions, 'privateKey' | 'clientId' | 'username'>,
  onRetry?: (attempt: number, reason: string) => void,
): Promise<JwtLoginResult> {
  validateAssertionShape(assertion);
  const claims = decodeClaims(assertion);
  checkPresignedClaims(claims, Date.now());
  const endpoint = classifyLoginUrl(options.loginUrl ?? PRODUCTION_LOGIN_URL);
  const audience = claims.aud ?? resolveAudience(endpoint, options.audience).audience;
  const exchanged = await exchangeAssertion({
    tokenEndpoint: endpoint.tokenEndpoint,
    assertion,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(onRetry === undefined ? {} : { onRetry }),
    advice: {
      tokenEndpoint: endpoint.tokenEndpoint,
      audience,
      endpointKind: endpoint.kind,
      endpointFamily: endpoint.family,
      ...(claims.sub === undefined ? {} : { username: claims.sub }),
    },
  });
  return {
    ...exchanged,
    endpoint,
    audience,
    audienceDerived: false,
    claims: { iss: claims.iss ?? '', sub: claims.sub ?? '', aud: audience, exp: claims.exp ?? 0 },
  };
}

function checkPresignedClaims(claims: DecodedClaims, now: number): void {
  if (claims.alg !== 'RS256') {
    throw new SfjwtError('ERR_ASSERTION_MALFORMED', `The assertion is signed with ${claims.alg ?? 'no algorithm'}; Salesforce accepts only RS256. Nothing was sent.`);
  }
  if (claims.exp !== undefined && claims.exp * 1000 < now) {
    const ago = Math.round(now / 1000 - claims.exp);
    throw new SfjwtError('ERR_ASSERTION_EXPIRED', `The assertion expired ${ago} s ago (exp ${claims.exp}); nothing was sent.`);
  }
}
