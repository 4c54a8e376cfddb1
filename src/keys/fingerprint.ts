import { type KeyObject, createHash, createPublicKey } from 'node:crypto';

/** Formats a digest as upper-case hex pairs joined by colons, as OpenSSL prints fingerprints. */
export function formatFingerprint(digest: Uint8Array): string {
  return Buffer.from(digest).toString('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

/**
 * Returns the SHA-256 fingerprint of a key's SubjectPublicKeyInfo DER. A
 * private key and its certificate give the same value, so comparing them
 * shows whether they belong together.
 *
 * @example
 * ```ts
 * publicKeyFingerprint(loaded.privateKey) === publicKeyFingerprint(new X509Certificate(pem).publicKey);
 * ```
 */
export function publicKeyFingerprint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return formatFingerprint(createHash('sha256').update(der).digest());
}
