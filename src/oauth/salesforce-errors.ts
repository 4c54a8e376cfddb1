import type { ErrorCode } from '../errors/catalogue.js';

/**
 * The OAuth errors of the Salesforce token endpoint, with the exact `error`
 * and `error_description` strings that real orgs return (as observed and
 * reported by integrations; Salesforce documents few of them). The emulator
 * returns these and the client maps them back to sfjwt codes.
 */
export const SALESFORCE_ERRORS = {
  invalidClientId: { error: 'invalid_client_id', description: 'client identifier invalid' },
  invalidAssertion: { error: 'invalid_grant', description: 'invalid assertion' },
  audienceInvalid: { error: 'invalid_grant', description: 'audience is invalid' },
  assertionExpired: { error: 'invalid_grant', description: 'expired authorization code' },
  userNotApproved: { error: 'invalid_grant', description: "user hasn't approved this consumer" },
  appAccessDenied: { error: 'invalid_app_access', description: 'user is not admin approved to access this app' },
  inactiveUser: { error: 'invalid_grant', description: 'inactive user' },
  ipRestricted: { error: 'invalid_grant', description: 'IP restricted or invalid login hours' },
  appNotFound: { error: 'app_not_found', description: 'External client app is not installed in this org' },
  unsupportedGrantType: { error: 'unsupported_grant_type', description: 'grant type not supported' },
  rateLimited: { error: 'rate_limit_exceeded', description: 'Number of logins exceeded' },
  authenticationFailure: { error: 'invalid_grant', description: 'authentication failure' },
  invalidClient: { error: 'invalid_client', description: 'invalid client credentials' },
  invalidToken: { error: 'invalid_token', description: 'invalid token' },
  unsupportedTokenType: { error: 'unsupported_token_type', description: 'unsupported token type' },
} as const;

export type SalesforceErrorName = keyof typeof SALESFORCE_ERRORS;

export interface SalesforceAnswer {
  error: string;
  description: string;
}

/** The REST body of a 401 for an expired or revoked access token. */
export const INVALID_SESSION_BODY = [
  { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
] as const;

const CODE_BY_ANSWER: ReadonlyArray<[SalesforceAnswer, ErrorCode]> = [
  [SALESFORCE_ERRORS.invalidClientId, 'ERR_OAUTH_INVALID_CLIENT_ID'],
  [SALESFORCE_ERRORS.invalidAssertion, 'ERR_OAUTH_INVALID_ASSERTION'],
  [SALESFORCE_ERRORS.audienceInvalid, 'ERR_OAUTH_AUDIENCE_INVALID'],
  [SALESFORCE_ERRORS.assertionExpired, 'ERR_OAUTH_ASSERTION_EXPIRED'],
  [SALESFORCE_ERRORS.userNotApproved, 'ERR_OAUTH_USER_NOT_APPROVED'],
  [SALESFORCE_ERRORS.appAccessDenied, 'ERR_OAUTH_APP_ACCESS_DENIED'],
  [SALESFORCE_ERRORS.inactiveUser, 'ERR_OAUTH_INACTIVE_USER'],
  [SALESFORCE_ERRORS.ipRestricted, 'ERR_OAUTH_IP_RESTRICTED'],
  [SALESFORCE_ERRORS.appNotFound, 'ERR_OAUTH_APP_NOT_FOUND'],
  [SALESFORCE_ERRORS.unsupportedGrantType, 'ERR_OAUTH_UNSUPPORTED_GRANT_TYPE'],
  [SALESFORCE_ERRORS.authenticationFailure, 'ERR_OAUTH_AUTHENTICATION_FAILURE'],
  [SALESFORCE_ERRORS.invalidClient, 'ERR_OAUTH_INVALID_CLIENT'],
];

/**
 * Maps a Salesforce `{error, error_description}` pair to an sfjwt code. The
 * description decides among the many `invalid_grant` errors. It is compared
 * case-insensitively, so a change of capitalisation keeps the mapping.
 */
export function codeForSalesforceError(error: string, description: string | undefined): ErrorCode {
  const expected = (description ?? '').trim().toLowerCase();
  for (const [answer, code] of CODE_BY_ANSWER) {
    if (answer.error === error && answer.description.toLowerCase() === expected) {
      return code;
    }
  }
  if (error === 'rate_limit_exceeded') {
    return 'ERR_OAUTH_RATE_LIMITED';
  }
  // Descriptions other than the known ones still identify these errors by name alone.
  const byName: Record<string, ErrorCode> = {
    invalid_client_id: 'ERR_OAUTH_INVALID_CLIENT_ID',
    invalid_app_access: 'ERR_OAUTH_APP_ACCESS_DENIED',
    app_not_found: 'ERR_OAUTH_APP_NOT_FOUND',
    unsupported_grant_type: 'ERR_OAUTH_UNSUPPORTED_GRANT_TYPE',
    invalid_client: 'ERR_OAUTH_INVALID_CLIENT',
  };
  return byName[error] ?? 'ERR_OAUTH_OTHER';
}
