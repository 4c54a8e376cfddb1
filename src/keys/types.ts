import type { KeyObject } from 'node:crypto';

/**
 * Source of the private key: exactly one of `path` and `data`.
 *
 * @example
 * ```ts
 * const fromFile: KeySource = { path: 'certs/server.key' };
 * const fromEnv: KeySource = { data: process.env.SF_JWT_KEY, label: 'SF_JWT_KEY' };
 * ```
 */
export interface KeySource {
  /** Path of a key file (PEM, DER or PKCS#12). */
  path?: string;
  /** The key itself, as text or bytes (for example the value of SF_JWT_KEY). */
  data?: string | Uint8Array;
  /** Passphrase of an encrypted key or PKCS#12 keystore. */
  passphrase?: string;
  /** Name of the source in messages, such as `SF_JWT_KEY`; defaults to the path or "the key data". */
  label?: string;
}

/** Outer encoding of the key material. */
export type KeyEncoding = 'pem' | 'der' | 'pkcs12';

/** A private key ready for RS256 signing. */
export interface LoadedKey {
  privateKey: KeyObject;
  /** The certificate that came with the key (PKCS#12, or a PEM holding both), as PEM. */
  certificatePem?: string;
  /** Human description of the detected format, for example "PEM PKCS#8". */
  format: string;
  encoding: KeyEncoding;
  /** Whether the key was stored encrypted (passphrase-protected PEM, DER or a keystore). */
  encrypted: boolean;
  /** RSA modulus length in bits. */
  modulusLength: number;
  /** SHA-256 of the public key's SubjectPublicKeyInfo DER, as colon-separated hex. */
  publicKeyFingerprint: string;
  /** Damage repaired while reading, such as "literal \n sequences turned into newlines". */
  repairs: string[];
  /** Problems that did not stop loading, such as a key file readable by other users. */
  warnings: string[];
}
