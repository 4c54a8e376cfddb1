// Public API of sfjwt. Each export is documented where it is defined.
export { SfjwtError, isSfjwtError } from './errors/sfjwt-error.js';
export type { ErrorDetails, SfjwtErrorOptions } from './errors/sfjwt-error.js';
export { CATALOGUE, EXIT_CODES } from './errors/catalogue.js';
export type { ErrorCode, ErrorCategory, CatalogueEntry } from './errors/catalogue.js';

export { loadPrivateKey } from './keys/load-key.js';
export type { KeySource, LoadedKey } from './keys/load-key.js';

export { buildClaims, DEFAULT_ASSERTION_LIFETIME_SECONDS } from './jwt/claims.js';
export type { AssertionClaims, ClaimsInput } from './jwt/claims.js';
export { signAssertion } from './jwt/sign.js';

export { classifyLoginUrl, isLoopbackHost, PRODUCTION_LOGIN_URL, SANDBOX_LOGIN_URL } from './oauth/endpoints.js';
export type { EndpointClassification, EndpointKind, EndpointFamily } from './oauth/endpoints.js';
export { resolveAudience, validateAudience, alternativeAudience } from './oauth/audience.js';
export { exchangeAssertion, JWT_BEARER_GRANT_TYPE } from './oauth/exchange.js';
export type { TokenResponse, ExchangeOptions, ExchangeResult } from './oauth/exchange.js';
export { SALESFORCE_ERRORS, INVALID_SESSION_BODY, codeForSalesforceError } from './oauth/salesforce-errors.js';

export { getAccessToken } from './token/get-access-token.js';
export type { JwtLoginOptions, JwtLoginResult } from './token/get-access-token.js';

export { startEmulator } from './emulator/server.js';
export type { EmulatorOptions, RunningEmulator } from './emulator/server.js';
export { normalizeConfig, generateConsumerKey } from './emulator/config.js';
export type { EmulatorConfig, EmulatorConfigInput, EmulatorApp, EmulatorUser, EmulatorOrg } from './emulator/config.js';
