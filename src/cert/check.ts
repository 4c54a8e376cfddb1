import { type KeyObject, KeyObject as KeyObjectClass } from 'node:crypto';

import jwt from 'jsonwebtoken';

import { signAssertion } from '../jwt/sign.js';
import { publicKeyFingerprint } from '../keys/fingerprint.js';
import { keyCertificateMismatch } from './cert-errors.js';
import { certificateFingerprint } from './describe-certificate.js';
import { parseCertificate } from './parse-certificate.js';

/** Result of a successful key/certificate check. */
export interface KeyCertificateMatch {
  /** SHA-256 of the certificate DER, as Salesforce shows it for the uploaded certificate. */
  fingerprint: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER shared by the key and the certificate. */
  publicKeyFingerprint: string;
  /** An RS256 test assertion signed with the key verified against the certificate's public key. */
  signatureVerified: true;
}

/** Names of the two inputs in messages. */
export interface PairLabels {
  key?: string;
  certificate?: string;
}

/**
 * Checks that `privateKey` belongs to the certificate: compares the SHA-256
 * of both SubjectPublicKeyInfo DER encodings, then signs a test RS256
 * assertion with the key and verifies it with the certificate's public key.
 * Call it before contacting Salesforce: a mismatch is what Salesforce
 * reports as "invalid assertion".
 *
 * Raises ERR_KEY_CERT_MISMATCH (showing both fingerprints) or
 * ERR_CERT_INVALID; a `privateKey` that is not a private KeyObject is a
 * TypeError.
 *
 * @example
 * ```ts
 * const { privateKey } = await loadPrivateKey({ path: 'certs/server.key' });
 * const { fingerprint } = assertKeyMatchesCertificate(privateKey, await readFile('certs/server.crt', 'utf8'));
 * ```
 */
export function assertKeyMatchesCertificate(
  privateKey: KeyObject,
  certificatePem: string | Uint8Array,
  labels: PairLabels = {},
): KeyCertificateMatch {
  if (!(privateKey instanceof KeyObjectClass) || privateKey.type !== 'private') {
    throw new TypeError('assertKeyMatchesCertificate needs a private KeyObject');
  }
  if (typeof certificatePem !== 'string' && !(certificatePem instanceof Uint8Array)) {
    throw new TypeError('assertKeyMatchesCertificate needs the certificate as a string or Uint8Array');
  }
  const keyLabel = labels.key ?? 'given';
  const certificateLabel = labels.certificate ?? 'given';
  const certificate = parseCertificate(certificatePem, labels.certificate ?? 'the certificate');
  const keyFingerprint = publicKeyFingerprint(privateKey);
  const certificateKeyFingerprint = publicKeyFingerprint(certificate.publicKey);
  if (keyFingerprint !== certificateKeyFingerprint) {
    throw keyCertificateMismatch(keyLabel, certificateLabel, keyFingerprint, certificateKeyFingerprint);
  }
  verifyTestAssertion(privateKey, certificate.publicKey, keyLabel, certificateLabel);
  return {
    fingerprint: certificateFingerprint(certificate),
    publicKeyFingerprint: keyFingerprint,
    signatureVerified: true,
  };
}

/** Signs a test assertion the way the token command does and verifies it with the certificate's key. */
function verifyTestAssertion(privateKey: KeyObject, publicKey: KeyObject, keyLabel: string, certificateLabel: string): void {
  const claims = { iss: 'sfjwt-cert-check', sub: 'sfjwt-cert-check', aud: 'https://login.salesforce.com', exp: 0 };
  const assertion = signAssertion(claims, privateKey);
  try {
    jwt.verify(assertion, publicKey, { algorithms: ['RS256'], ignoreExpiration: true });
  } catch {
    const fingerprint = publicKeyFingerprint(publicKey);
    throw keyCertificateMismatch(keyLabel, certificateLabel, publicKeyFingerprint(privateKey), fingerprint);
  }
}
