import { SfjwtError, type ErrorDetails } from '../errors/sfjwt-error.js';
import { adviseOAuthError, type AdviceContext } from '../advice/advise.js';
import { postForm, type FormPostResult, type RetryPolicy } from './http.js';
import { codeForSalesforceError } from './salesforce-errors.js';

export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The JSON a Salesforce org returns for a JWT bearer grant. */
export interface TokenResponse {
  access_token: string;
  scope?: string;
  instance_url: string;
  /** Identity URL: https://HOST/id/ORG_ID/USER_ID. */
  id: string;
  token_type: string;
  sfdc_community_url?: string;
  sfdc_community_id?: string;
}

export interface ExchangeOptions {
  /** Full URL of the token endpoint. */
  tokenEndpoint: string;
  assertion: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onRetry?: (attempt: number, reason: string) => void;
  /** Context for the advice on a rejected request: audience, username, endpoint kind. */
  advice: AdviceContext;
}

/** A token response and what was learnt on the way. */
export interface ExchangeResult {
  token: TokenResponse;
  attempts: number;
  serverDate?: string;
}

/**
 * Exchanges a signed assertion for an access token. A Salesforce refusal
 * becomes an SfjwtError with Salesforce's `error` and `error_description`,
 * the endpoint and the audience in `details`, and ranked advice in `actions`.
 */
export async function exchangeAssertion(options: ExchangeOptions): Promise<ExchangeResult> {
  validateAssertionShape(options.assertion);
  const result = await postForm({
    url: options.tokenEndpoint,
    form: { grant_type: JWT_BEARER_GRANT_TYPE, assertion: options.assertion },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
  });
  const body = parseJson(result.body);
  if (result.status === 200 && isTokenResponse(body)) {
    return { token: body, attempts: result.attempts, ...(result.serverDate === undefined ? {} : { serverDate: result.serverDate }) };
  }
  throw responseError(result, body, options);
}

function responseError(result: FormPostResult, body: unknown, options: ExchangeOptions): SfjwtError {
  const details: ErrorDetails = {
    tokenEndpoint: options.tokenEndpoint,
    audience: options.advice.audience,
    status: result.status,
  };
  if (isOAuthErrorBody(body)) {
    const code = codeForSalesforceError(body.error, body.error_description);
    const text = clip(`${body.error}: ${body.error_description ?? ''}`.trim());
    return new SfjwtError(
      code,
      `Salesforce rejected the token request (HTTP ${result.status} ${text}). Token URL ${options.tokenEndpoint}, audience ${options.advice.audience}.`,
      {
        details: { ...details, error: clip(body.error), errorDescription: body.error_description === undefined ? undefined : clip(body.error_description) },
        actions: adviseOAuthError(code, {
          ...options.advice,
          ...(result.serverDate === undefined ? {} : { serverDate: result.serverDate }),
        }),
      },
    );
  }
  if (result.status >= 500) {
    return new SfjwtError('ERR_HTTP_SERVER_ERROR', `${options.tokenEndpoint} returned HTTP ${result.status} after ${result.attempts} attempts.`, { details });
  }
  return new SfjwtError(
    'ERR_HTTP_UNEXPECTED_RESPONSE',
    `${options.tokenEndpoint} returned HTTP ${result.status} without a Salesforce OAuth body.`,
    { details },
  );
}

/**
 * Rejects, before sending, an assertion that is not three base64url segments.
 * A PEM key here gets its own code: it may have been pasted into logs or
 * tickets on the way, so it must be replaced.
 */
export function validateAssertionShape(assertion: string): void {
  if (assertion.includes('-----BEGIN')) {
    const isPrivate = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(assertion);
    throw new SfjwtError('ERR_ASSERTION_IS_KEY', `The assertion is PEM text${isPrivate ? ' holding a private key' : ''}, not a signed JWT; nothing was sent.`);
  }
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(assertion.trim())) {
    throw new SfjwtError('ERR_ASSERTION_MALFORMED', `The assertion (${assertion.length} characters) is not three base64url segments separated by dots; nothing was sent.`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTokenResponse(body: unknown): body is TokenResponse {
  const record = body as Partial<TokenResponse> | undefined;
  return typeof record?.access_token === 'string' && typeof record.instance_url === 'string';
}

function isOAuthErrorBody(body: unknown): body is { error: string; error_description?: string } {
  const record = body as { error?: unknown; error_description?: unknown } | undefined;
  const description = record?.error_description;
  return typeof record?.error === 'string' && (description === undefined || typeof description === 'string');
}

/** Shortens a server-supplied string before it goes into a message. */
function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}
