import { decodeClaims } from '../jwt/decode.js';
import { resolveAudience } from '../oauth/audience.js';
import { classifyLoginUrl, PRODUCTION_LOGIN_URL } from '../oauth/endpoints.js';
import { exchangeAssertion, validateAssertionShape } from '../oauth/exchange.js';
import type { JwtLoginOptions, JwtLoginResult } from './get-access-token.js';

/**
 * Exchanges an assertion signed elsewhere. Its shape is checked before
 * anything is sent, and its claims are read (not verified) for the result
 * and the advice on failure.
 */
export async function exchangePresigned(
  assertion: string,
  options: Omit<JwtLoginOptions, 'privateKey' | 'clientId' | 'username'>,
  onRetry?: (attempt: number, reason: string) => void,
): Promise<JwtLoginResult> {
  validateAssertionShape(assertion);
  const claims = decodeClaims(assertion);
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
