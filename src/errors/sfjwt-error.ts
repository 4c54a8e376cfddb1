import { CATALOGUE, type ErrorCode } from './catalogue.js';

/** Context values that are safe to print: never a key, token, assertion or password. */
export type ErrorDetails = Record<string, string | number | boolean | undefined>;

export interface SfjwtErrorOptions {
  /** Next steps for the user, most likely fix first. Defaults to the catalogue's actions. */
  actions?: string[];
  details?: ErrorDetails;
  cause?: unknown;
}

/**
 * Error raised by sfjwt for every failure a user can hit. `code` is stable and
 * documented in docs/errors.md; `actions` lists the fixes, most likely first.
 *
 * @example
 * ```ts
 * try {
 *   await getAccessToken(options);
 * } catch (error) {
 *   if (error instanceof SfjwtError && error.code === 'ERR_KEY_ENCRYPTED') {
 *     console.error(error.actions.join('\n'));
 *   }
 * }
 * ```
 */
export class SfjwtError extends Error {
  override readonly name: string = 'SfjwtError';
  readonly code: ErrorCode;
  readonly actions: string[];
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: SfjwtErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.actions = options.actions ?? [...CATALOGUE[code].actions];
    this.details = options.details ?? {};
  }

  /** Category of the fault: the caller's input, the key material, the org, the network. */
  get category(): string {
    return CATALOGUE[this.code].category;
  }

  /** Process exit code that the CLI uses for this error. */
  get exitCode(): number {
    return CATALOGUE[this.code].exitCode;
  }

  /** Stable JSON shape printed by `--json`; the cause is left out because it may hold secrets. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      category: this.category,
      message: this.message,
      actions: this.actions,
      details: this.details,
      exitCode: this.exitCode,
    };
  }
}

/** Tells whether `value` is an SfjwtError, optionally with one of the given codes. */
export function isSfjwtError(value: unknown, ...codes: ErrorCode[]): value is SfjwtError {
  if (!(value instanceof SfjwtError)) {
    return false;
  }
  return codes.length === 0 || codes.includes(value.code);
}
