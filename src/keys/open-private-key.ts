import { type KeyObject, type PrivateKeyInput, createPrivateKey } from 'node:crypto';

import type { PrivateKeyPart } from './decode.js';
import { keyEncrypted, keyFormatUnsupported, keyMalformed, passphraseWrong, withCause } from './key-errors.js';

const DER_TYPES = { 'PKCS#8': 'pkcs8', 'PKCS#1': 'pkcs1', SEC1: 'sec1' } as const;
const CIPHER_CONVERSION =
  'openssl pkcs8 -topk8 -v2 aes-256-cbc -provider legacy -provider default -in OLD.pem -out NEW.pem';

/** Parses a private key part into a KeyObject, decrypting it with `passphrase` where needed. */
export function openPrivateKey(part: PrivateKeyPart, passphrase: string | undefined, label: string): KeyObject {
  if (part.encryption === 'none' || part.encryption === 'pkcs12') {
    return parsePlain(part, label);
  }
  if (passphrase === undefined) {
    throw keyEncrypted(label, false);
  }
  const input: PrivateKeyInput =
    part.encryption === 'pkcs8'
      ? { key: part.der ?? Buffer.alloc(0), format: 'der', type: 'pkcs8', passphrase }
      : { key: part.pem ?? '', format: 'pem', passphrase };
  try {
    return createPrivateKey(input);
  } catch (error) {
    // OpenSSL 3 moved DES, RC2 and RC4 to its legacy provider, which Node does not load.
    if ((error as { code?: string }).code === 'ERR_OSSL_EVP_UNSUPPORTED') {
      const format = 'encrypted with a cipher OpenSSL 3 disabled (such as DES or RC2)';
      throw withCause(keyFormatUnsupported(label, format, CIPHER_CONVERSION), error);
    }
    throw withCause(passphraseWrong(label, false), error);
  }
}

function parsePlain(part: PrivateKeyPart, label: string): KeyObject {
  try {
    return createPrivateKey({ key: part.der ?? Buffer.alloc(0), format: 'der', type: DER_TYPES[part.structure] });
  } catch (error) {
    throw withCause(keyMalformed(label, `its ${part.structure} key structure does not parse`), error);
  }
}
