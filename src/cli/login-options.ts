import { readFile } from 'node:fs/promises';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { loadPrivateKey, type KeySource, type LoadedKey } from '../keys/load-key.js';
import type { JwtLoginOptions } from '../token/get-access-token.js';
import type { ResolvedSettings } from '../config/settings.js';
import type { JwtArgs } from './jwt-options.js';
import type { Io } from './output.js';

/** Login options ready for getAccessToken, and the loaded key for checks. */
export interface PreparedLogin {
  options: JwtLoginOptions;
  key: LoadedKey;
}

/**
 * Turns resolved settings into getAccessToken options: loads the key from
 * the key file or SF_JWT_KEY, with the passphrase from --passphrase-file or
 * SF_JWT_KEY_PASSPHRASE, and sets the retry and fallback options.
 */
export async function prepareLogin(args: JwtArgs, settings: ResolvedSettings, io: Io): Promise<PreparedLogin> {
  const key = await loadPrivateKey(await keySource(args, settings, io));
  return { options: { ...loginOptionsWithoutKey(args, settings), privateKey: key.privateKey }, key };
}

/** The login options that do not depend on the key. */
export function loginOptionsWithoutKey(args: JwtArgs, settings: ResolvedSettings): Omit<JwtLoginOptions, 'privateKey'> {
  const fallback = args['audience-fallback'];
  return {
    clientId: settings.clientId?.value ?? '',
    username: settings.username?.value ?? '',
    ...(settings.loginUrl === undefined ? {} : { loginUrl: settings.loginUrl.value }),
    ...(settings.audience === undefined ? {} : { audience: settings.audience.value }),
    ...(fallback === undefined ? {} : { audienceFallback: fallback === 'auto' || fallback === '' ? true : fallback }),
    timeoutMs: Math.round((args.timeout ?? 30) * 1000),
    retry: { retries: args.retries ?? 2 },
  };
}

/** Where the key comes from: the key file, else SF_JWT_KEY, with the passphrase if one is given. */
export async function keySource(args: JwtArgs, settings: ResolvedSettings, io: Io): Promise<KeySource> {
  const passphrase = await readPassphrase(args, io);
  const withPassphrase = passphrase === undefined ? {} : { passphrase };
  if (settings.keyFile !== undefined) {
    return { path: settings.keyFile.value, ...withPassphrase };
  }
  if (settings.key !== undefined) {
    return { data: settings.key.value, label: settings.key.origin, ...withPassphrase };
  }
  throw new SfjwtError('ERR_SETTING_MISSING', 'No private key was given.', {
    details: { setting: 'key' },
    actions: ['Pass --key-file PATH, or set SF_JWT_KEY_FILE, or put the key itself in SF_JWT_KEY.'],
  });
}

async function readPassphrase(args: JwtArgs, io: Io): Promise<string | undefined> {
  const file = args['passphrase-file'];
  if (file === undefined) {
    const fromEnv = io.env.SF_JWT_KEY_PASSPHRASE;
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  }
  try {
    return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SfjwtError('ERR_FILE_READ', `Could not read the passphrase file ${file} (${reason}).`, {
      details: { path: file, reason },
    });
  }
}
