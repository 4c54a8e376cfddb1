import { setTimeout as delay } from 'node:timers/promises';

import got, { RequestError, TimeoutError } from 'got';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { VERSION } from '../version.js';

/** Retry policy for transient failures: bounded exponential backoff with full jitter. */
export interface RetryPolicy {
  /** Extra attempts after the first, 0 to 5. */
  retries: number;
  /** Delay before the first retry, in milliseconds; doubles on each further one. */
  baseDelayMs: number;
  /** Upper bound of any single delay, in milliseconds. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 4000 };
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FormPostOptions {
  url: string;
  form: Record<string, string>;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Called before each retry with the attempt number and the reason, for verbose output. */
  onRetry?: (attempt: number, reason: string) => void;
}

export interface FormPostResult {
  status: number;
  body: string;
  /** The server's Date header, used to estimate clock skew. */
  serverDate?: string;
  attempts: number;
}

/**
 * The one configured got instance of sfjwt's own requests: its user agent,
 * no got retries (postForm retries by itself), no redirects, and HTTP error
 * statuses returned instead of thrown.
 */
export const httpClient = got.extend({
  headers: { 'user-agent': `sfjwt/${VERSION}`, accept: 'application/json' },
  retry: { limit: 0 },
  throwHttpErrors: false,
  followRedirect: false,
});

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

/**
 * POSTs a form and returns the final response. HTTP 5xx responses, timeouts and
 * connection errors are retried; any 4xx is returned at once, because each
 * rejected token request counts as a failed login in the org. Errors carry
 * chosen fields only: got's own errors hold the request body.
 */
export async function postForm(options: FormPostOptions): Promise<FormPostResult> {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const retries = Math.max(0, Math.min(5, policy.retries));
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptPost(options);
    const transient = 'failure' in outcome || TRANSIENT_STATUS.has(outcome.status);
    if (!transient || attempt > retries) {
      if ('failure' in outcome) {
        throw outcome.failure;
      }
      return { ...outcome, attempts: attempt };
    }
    const reason = 'failure' in outcome ? outcome.failure.message : `HTTP ${outcome.status}`;
    options.onRetry?.(attempt, reason);
    await delay(backoffDelay(attempt, policy));
  }
}

/** Full-jitter backoff: a random delay up to min(max, base * 2^(attempt-1)). */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(Math.random() * ceiling);
}

type AttemptOutcome = Omit<FormPostResult, 'attempts'> | { failure: SfjwtError };

async function attemptPost(options: FormPostOptions): Promise<AttemptOutcome> {
  try {
    const response = await httpClient.post(options.url, {
      form: options.form,
      timeout: { request: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    });
    const serverDate = response.headers.date;
    return { status: response.statusCode, body: response.body, ...(serverDate === undefined ? {} : { serverDate }) };
  } catch (error) {
    return { failure: networkError(error, options.url) };
  }
}

function networkError(error: unknown, url: string): SfjwtError {
  const code = error instanceof RequestError ? error.code : 'UNKNOWN';
  // The cause keeps the error code only, because got's error object contains the form and its secrets.
  const cause = new Error(`${error instanceof Error ? error.name : 'Error'} ${code}`);
  if (error instanceof TimeoutError) {
    return new SfjwtError('ERR_HTTP_TIMEOUT', `${url} timed out.`, { details: { url }, cause });
  }
  return new SfjwtError('ERR_HTTP_UNREACHABLE', `Could not reach ${url} (${code}).`, {
    details: { url, reason: code },
    cause,
  });
}
