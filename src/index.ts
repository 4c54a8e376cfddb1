// Public API of sfjwt. Each export is documented where it is defined.
export { SfjwtError, isSfjwtError } from './errors/sfjwt-error.js';
export type { ErrorDetails, SfjwtErrorOptions } from './errors/sfjwt-error.js';
export { CATALOGUE, EXIT_CODES } from './errors/catalogue.js';
export type { ErrorCode, ErrorCategory, CatalogueEntry } from './errors/catalogue.js';

export { loadPrivateKey } from './keys/load-key.js';
export type { KeySource, LoadedKey, KeyEncoding } from './keys/load-key.js';
export { clearKeyCache } from './keys/key-cache.js';
export { publicKeyFingerprint } from './keys/fingerprint.js';
export { generateKeyPairAndCertificate } from './cert/generate.js';
export type { GenerateOptions, GeneratedKeyPair, CertificateSubject } from './cert/generate.js';
export { RSA_KEY_SIZES } from './cert/generate-options.js';
export type { RsaKeySize } from './cert/generate-options.js';
export { writeKeyPair } from './cert/write-key-pair.js';
export type { KeyPairFiles, WrittenKeyPair } from './cert/write-key-pair.js';
export { assertKeyMatchesCertificate } from './cert/check.js';
export type { KeyCertificateMatch, PairLabels } from './cert/check.js';
export { inspectKeyFile, inspectKeyData } from './cert/inspect.js';
export type { Inspection, InspectOptions, InspectedKind, KeyInfo } from './cert/inspect.js';
export { parseCertificate } from './cert/parse-certificate.js';
export type { CertificateInfo } from './cert/describe-certificate.js';

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

export { createTokenProvider, DEFAULT_MAX_AGE_SECONDS } from './provider/token-provider.js';
export type { TokenProvider, TokenProviderOptions, MintEvent, MintReason } from './provider/token-provider.js';
export type { StoredToken, TokenStore, TokenPredicate, MintFunction } from './provider/types.js';
export { MemoryTokenStore } from './provider/memory-store.js';
export type { MemoryStoreOptions } from './provider/memory-store.js';
export { RedisTokenStore } from './provider/redis-store.js';
export type { RedisStoreOptions } from './provider/redis-store.js';
export { createClient } from './clients/got-client.js';
export type { ClientOptions } from './clients/got-client.js';
export { createJsforceConnection } from './clients/jsforce-connection.js';
export type { JsforceConnectionOptions } from './clients/jsforce-connection.js';
export { login, toPasswordFlowResponse } from './clients/password-compatible-login.js';
export type { LoginOptions, PasswordFlowResponse } from './clients/password-compatible-login.js';
export type { ProviderSource } from './clients/provider-option.js';
export { startBroker } from './broker/server.js';
export type { BrokerOptions, RunningBroker } from './broker/server.js';
export { readBrokerConfig, normalizeBrokerConfig } from './broker/config.js';
export type { BrokerConfig, BrokerConfigInput, BrokerClientInput } from './broker/config.js';
export type { BrokerUserInput, JwtSettingsInput } from './broker/config-users.js';
export type { LocalSecretSource } from './broker/secret.js';

export { startEmulator } from './emulator/server.js';
export type { EmulatorOptions, RunningEmulator } from './emulator/server.js';
export { normalizeConfig, generateConsumerKey } from './emulator/config.js';
export type { EmulatorConfig, EmulatorConfigInput, EmulatorApp, EmulatorUser, EmulatorOrg } from './emulator/config.js';
export { loadEmulatorConfigFromMetadata } from './emulator/metadata.js';
export type { MetadataConfigOptions } from './emulator/metadata.js';

export { planSetup, runSetup } from './setup/run-setup.js';
export type { SetupOptions, SetupPlan } from './setup/run-setup.js';
export { buildSetupGuide, renderSetupGuide } from './setup/guide/build-guide.js';
export type { SetupGuide } from './setup/guide/build-guide.js';
export type { GuideOptions, GuideSteps } from './setup/guide/context.js';
export { readSetupCertificate } from './setup/certificate.js';
export type { SetupCertificate } from './setup/certificate.js';
export type { AppSettings, AppSettingsInput, SetupRoute } from './setup/model.js';

export { scan, formatReport, toSarif, RULES, REPORT_FORMATS } from './scan/index.js';
export type { Finding, Mechanism, ReportFormat, ScanOptions, ScanProgress, ScanReport, ScanSummary, Severity } from './scan/index.js';
