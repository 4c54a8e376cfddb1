import { SfjwtError } from '../errors/sfjwt-error.js';
import type { KeySource, LoadedKey } from '../keys/load-key.js';
import type { JwtLoginOptions } from '../token/get-access-token.js';
import type { ResolvedSettings } from '../config/settings.js';
import type { JwtArgs } from './jwt-options.js';
import type { Io } from './output.js';
import { ENV } from '../config/env.js';
import { loadKeyWithPassphrase } from './passphrase.js';
import { checkNumber } from './validate-options.js';
import { validateAudience } from '../oauth/audience.js';

/** Login options ready for getAccessToken, and the loaded key for checks. */
export interface PreparedLogin {
  options: JwtLoginOptions;
  key: LoadedKey;
}

/**
 * Turns resolved settings into getAccessToken options: loads the key from
 * the key file or SF_JWT_KEY, with the passphrase from --passphrase-file,
 * --passphrase-env or a terminal prompt, and sets the retry and fallback options.
 */
export async function prepareLogin(args: JwtArgs, settings: ResolvedSettings, io: Io): Promise<PreparedLogin> {
  const key = await loadKeyWithPassphrase(ioWithPassphrase(io, settings), keySource(settings), args);
  return { options: { ...loginOptionsWithoutKey(args, settings), privateKey: key.privateKey }, key };
}

/** Builds the login options that do not depend on the key. */
export function loginOptionsWithoutKey(args: JwtArgs, settings: ResolvedSettings): Omit<JwtLoginOptions, 'privateKey'> {
  const fallback = audienceFallback(args['audience-fallback']);
  const timeoutSeconds = checkNumber(args.timeout ?? 30, '--timeout', 0.1, 600);
  const retries = checkNumber(args.retries ?? 2, '--retries', 0, 5, true);
  return {
    clientId: settings.clientId?.value ?? '',
    username: settings.username?.value ?? '',
    ...(settings.loginUrl === undefined ? {} : { loginUrl: settings.loginUrl.value }),
    ...(settings.audience === undefined ? {} : { audience: settings.audience.value }),
    ...(fallback === undefined ? {} : { audienceFallback: fallback }),
    timeoutMs: Math.round(timeoutSeconds * 1000),
    retry: { retries },
  };
}

/** Reads --audience-fallback: `auto` (or no value) picks the documented alternative, else one https URL. */
function audienceFallback(value: string | undefined): true | string | undefined {
  if (value === undefined) {
    return undefined;
  }
  return value === 'auto' || value === '' ? true : validateAudience(value);
}

/**
 * Returns `io` with the passphrase from the env file in its environment, so
 * the passphrase resolver finds it where it finds SF_JWT_KEY_PASSPHRASE.
 */
export function ioWithPassphrase(io: Io, settings: ResolvedSettings): Io {
  const setting = settings.keyPassphrase;
  if (setting === undefined || setting.source !== 'env-file') {
    return io;
  }
  return { ...io, env: { ...io.env, [ENV.keyPassphrase.name]: setting.value } };
}

/** Returns where the key comes from: the key file, else SF_JWT_KEY. */
export function keySource(settings: ResolvedSettings): KeySource {
  if (settings.keyFile !== undefined) {
    return { path: settings.keyFile.value };
  }
  if (settings.key !== undefined) {
    return { data: settings.key.value, label: settings.key.origin };
  }
  throw new SfjwtError('ERR_SETTING_MISSING', 'No private key was given.', {
    details: { setting: 'key' },
    actions: ['Pass --key-file PATH, or set SF_JWT_KEY_FILE, or put the key itself in SF_JWT_KEY.'],
  });
}
