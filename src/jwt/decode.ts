import { SfjwtError } from '../errors/sfjwt-error.js';

/** The claims of an assertion that sfjwt reads, each present only when it has the expected type. */
export interface DecodedClaims {
  /** The header's `alg`. */
  alg?: string;
  iss?: string;
  sub?: string;
  aud?: string;
  exp?: number;
}

/** Reads the claims of a JWT without verifying it; raises ERR_ASSERTION_MALFORMED when they are not JSON. */
export function decodeClaims(assertion: string): DecodedClaims {
  let claims: Record<string, unknown>;
  let header: Record<string, unknown>;
  try {
    const [headerPart, claimsPart] = assertion.split('.');
    header = JSON.parse(Buffer.from(headerPart ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    claims = JSON.parse(Buffer.from(claimsPart ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    if (!isObject(header) || !isObject(claims)) {
      throw new TypeError('not a JSON object');
    }
  } catch {
    throw new SfjwtError('ERR_ASSERTION_MALFORMED', 'The assertion\'s header or claims are not base64url-encoded JSON; nothing was sent.');
  }
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const subject = text(claims.sub) ?? text(claims.prn);
  const expiry = typeof claims.exp === 'number' ? claims.exp : undefined;
  return {
    ...(text(header.alg) === undefined ? {} : { alg: text(header.alg) as string }),
    ...(text(claims.iss) === undefined ? {} : { iss: text(claims.iss) as string }),
    ...(subject === undefined ? {} : { sub: subject }),
    ...(text(claims.aud) === undefined ? {} : { aud: text(claims.aud) as string }),
    ...(expiry === undefined ? {} : { exp: expiry }),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
