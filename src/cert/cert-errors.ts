import { SfjwtError } from '../errors/sfjwt-error.js';

export function certificateInvalid(label: string, problem: string): SfjwtError {
  return new SfjwtError(
    'ERR_CERT_INVALID',
    `${label} is not a usable X.509 certificate: ${problem}. Pass the PEM certificate (\`-----BEGIN CERTIFICATE-----\`) uploaded to the app.`,
    { details: { source: label } },
  );
}

export function keyCertificateMismatch(
  keyLabel: string,
  certificateLabel: string,
  keyFingerprint: string,
  certificateKeyFingerprint: string,
): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_CERT_MISMATCH',
    `The private key ${keyLabel} does not belong to the certificate ${certificateLabel}. ` +
      'SHA-256 of the SubjectPublicKeyInfo DER: ' +
      `key ${keyFingerprint}, certificate ${certificateKeyFingerprint}. ` +
      'Upload the certificate generated with this key, or use the key that belongs to this certificate.',
    { details: { keyFingerprint, certificateKeyFingerprint, key: keyLabel, certificate: certificateLabel } },
  );
}
