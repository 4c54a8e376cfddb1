import { CATALOGUE, type ErrorCode } from '../errors/catalogue.js';
import { SfjwtError, type ErrorDetails } from '../errors/sfjwt-error.js';

/** Default time a rejected token request is handed to later callers instead of a new request. */
export const DEFAULT_FAILURE_HOLD_MS = 5_000;

/** A failed mint as a store keeps it: the coded error's printable fields only. */
export interface HeldFailure {
  code: ErrorCode;
  message: string;
  actions: string[];
  details: ErrorDetails;
}

/**
 * Tells whether a failed mint is held for later callers: only Salesforce's
 * own rejections are, because each new request would count as one more failed
 * login in the org. Network failures are shared with concurrent callers only.
 */
export function shouldHold(error: unknown): error is SfjwtError {
  return error instanceof SfjwtError && error.category === 'org';
}

/** Captures the printable fields of a coded error; SfjwtError messages never carry secrets. */
export function toHeldFailure(error: SfjwtError): HeldFailure {
  return { code: error.code, message: error.message, actions: error.actions, details: error.details };
}

/** Rebuilds the error of a held failure, as thrown by the caller that made the request. */
export function reviveFailure(held: HeldFailure): SfjwtError {
  const code = held.code in CATALOGUE ? held.code : 'ERR_OAUTH_OTHER';
  return new SfjwtError(code, held.message, {
    actions: held.actions,
    details: { ...held.details, heldFailure: true },
  });
}
