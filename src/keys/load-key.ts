import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { SfjwtError } from '../errors/sfjwt-error.js';

/** Where the private key comes from: exactly one of `path` and `data`. */
export interface KeySource {
  /** Path of a key file (PEM, DER or PKCS#12). */
  path?: string;
  /** The key itself, as text or bytes (for example the value of SF_JWT_KEY). */
  data?: string | Uint8Array;
  /** Passphrase of an encrypted key or PKCS#12 keystore. */
  passphrase?: string;
}

/** A private key ready for RS256 signing. */
export interface LoadedKey {
  privateKey: KeyObject;
  /** The certificate that came with the key (PKCS#12, or a PEM holding both), as PEM. */
  certificatePem?: string;
  /** Human description of the detected format, for example "PEM PKCS#8". */
  format: string;
}

// NOTE: minimal loader for PEM and DER without normalisation; the full loader replaces it.
export async function loadPrivateKey(source: KeySource): Promise<LoadedKey> {
  const data = source.path === undefined ? source.data : await readFile(source.path);
  if (data === undefined) {
    throw new SfjwtError('ERR_SETTING_MISSING', 'No private key was given.');
  }
  const privateKey = createPrivateKey({ key: Buffer.from(data), passphrase: source.passphrase });
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new SfjwtError('ERR_KEY_NOT_RSA', `The key is ${privateKey.asymmetricKeyType}, not RSA.`);
  }
  return { privateKey, format: 'PEM' };
}
