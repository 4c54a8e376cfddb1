import { SfjwtError } from '../errors/sfjwt-error.js';
import {
  PRODUCTION_LOGIN_URL,
  SANDBOX_LOGIN_URL,
  classifyLoginUrl,
  type EndpointClassification,
  type EndpointFamily,
} from './endpoints.js';

/** The audience to sign, and whether the user chose it or sfjwt derived it. */
export interface ResolvedAudience {
  audience: string;
  derived: boolean;
}

/**
 * Picks the `aud` claim: the explicit audience when given (validated as one
 * https URL of the endpoint's family), else the endpoint's default. Token URL
 * and audience are separate settings because some orgs need a My Domain
 * endpoint with the login audience, and others the My Domain as audience.
 */
export function resolveAudience(endpoint: EndpointClassification, audience: string | undefined): ResolvedAudience {
  if (audience === undefined || audience === '') {
    return { audience: endpoint.defaultAudience, derived: true };
  }
  const normalized = validateAudience(audience);
  const family = audienceFamily(normalized);
  if (family !== 'unknown' && endpoint.family !== 'unknown' && family !== endpoint.family) {
    const expected = endpoint.family === 'sandbox' ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
    throw new SfjwtError(
      'ERR_AUDIENCE_MISMATCH',
      `Audience ${normalized} is a ${family} audience but the token URL ${endpoint.baseUrl} is a ${endpoint.family} endpoint.`,
      {
        details: { audience: normalized, loginUrl: endpoint.baseUrl },
        actions: [`Use --audience ${expected}, or leave the audience unset to derive it.`],
      },
    );
  }
  return { audience: normalized, derived: false };
}

/** Validates that `audience` is one https URL and returns it without a trailing slash. */
export function validateAudience(audience: string): string {
  const candidate = audience.trim();
  let url: URL | undefined;
  try {
    url = /[\s,]/.test(candidate) ? undefined : new URL(candidate);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== 'https:') {
    throw new SfjwtError('ERR_AUDIENCE_INVALID', `Audience "${audience}" is not a single https URL.`, {
      details: { audience },
    });
  }
  return candidate.replace(/\/+$/, '');
}

function audienceFamily(audience: string): EndpointFamily {
  try {
    return classifyLoginUrl(audience).family;
  } catch {
    return 'unknown';
  }
}

/**
 * Returns the one documented alternative to try after an audience-class failure:
 * login or test becomes the My Domain (when the endpoint is one), and a My
 * Domain audience becomes login or test. Undefined when there is none.
 */
export function alternativeAudience(endpoint: EndpointClassification, usedAudience: string): string | undefined {
  const isLoginOrTest = usedAudience === PRODUCTION_LOGIN_URL || usedAudience === SANDBOX_LOGIN_URL;
  const isMyDomain = endpoint.kind === 'production-my-domain' || endpoint.kind === 'sandbox-my-domain';
  if (isLoginOrTest && isMyDomain) {
    return endpoint.baseUrl;
  }
  if (!isLoginOrTest && usedAudience === endpoint.baseUrl) {
    return endpoint.family === 'sandbox' ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
  }
  return undefined;
}
