import { type KeyObject, createPublicKey, sign, verify } from 'node:crypto';

import { keyMalformed, keyNotRsa, keyTooShort, withCause } from './key-errors.js';

/** Smallest RSA modulus that RS256 accepts: jsonwebtoken 9 and Salesforce's own recipes use 2048. */
export const MIN_RSA_BITS = 2048;

const KEY_TYPE_NAMES: Record<string, string> = {
  ec: 'EC',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
  dsa: 'DSA',
  dh: 'DH',
  x25519: 'X25519',
  x448: 'X448',
  'rsa-pss': 'RSA-PSS (restricted to PSS padding, while RS256 uses PKCS#1 v1.5)',
};

const PROBE = Buffer.from('sfjwt private key self-check');

/**
 * Checks that `key` can sign RS256: an RSA key of 2048 bits or more whose
 * signature verifies against its own public half. The self-check catches
 * keys whose DER parses but whose numbers were damaged in transit.
 * Returns the modulus length in bits.
 */
export function assertRsaSigningKey(key: KeyObject, label: string): number {
  const type = key.asymmetricKeyType ?? 'unknown';
  if (type !== 'rsa') {
    throw keyNotRsa(label, KEY_TYPE_NAMES[type] ?? type);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw keyTooShort(label, bits);
  }
  let valid = false;
  try {
    valid = verify('sha256', PROBE, createPublicKey(key), sign('sha256', PROBE, key));
  } catch (error) {
    throw withCause(keyMalformed(label, 'its RSA numbers are inconsistent, so it cannot sign'), error);
  }
  if (!valid) {
    throw keyMalformed(label, 'its RSA numbers are inconsistent, so its signatures do not verify');
  }
  return bits;
}
