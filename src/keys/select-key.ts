import { type KeyObject, X509Certificate } from 'node:crypto';

import { assertRsaSigningKey } from './check-rsa-key.js';
import type { KeyMaterial, PrivateKeyPart } from './decode.js';
import { publicKeyFingerprint } from './fingerprint.js';
import { keyIsCertificate, keyIsPublic, keyMalformed, keyUnrecognized, keystoreEmpty } from './key-errors.js';
import { openPrivateKey } from './open-private-key.js';
import { encodePem } from './pem.js';
import type { LoadedKey } from './types.js';

/** A loaded key before the per-call additions (file permission warnings). */
export type SelectedKey = Omit<LoadedKey, 'warnings'> & { warnings: string[] };

/**
 * Picks the first private key in `material`, decrypts and checks it, and
 * keeps the certificate that belongs to it. Raises the error that names what
 * was found instead when there is no private key.
 */
export function selectPrivateKey(material: KeyMaterial, passphrase: string | undefined, label: string): SelectedKey {
  const part = material.privateKeys[0];
  if (part === undefined) {
    throw noPrivateKeyError(material, label);
  }
  const privateKey = openPrivateKey(part, passphrase, label);
  const modulusLength = assertRsaSigningKey(privateKey, label);
  const fingerprint = publicKeyFingerprint(privateKey);
  const warnings: string[] = [];
  if (material.privateKeys.length > 1) {
    warnings.push(`${label} contains ${material.privateKeys.length} private keys; sfjwt uses the first one.`);
  }
  for (const damaged of material.damagedLabels) {
    warnings.push(`The "${damaged}" block in ${label} is damaged, so sfjwt ignores it.`);
  }
  const certificatePem = matchingCertificate(material.certificates, fingerprint, label, warnings);
  return {
    privateKey,
    ...(certificatePem === undefined ? {} : { certificatePem }),
    format: describeFormat(material, part),
    encoding: material.encoding,
    encrypted: part.encryption !== 'none',
    modulusLength,
    publicKeyFingerprint: fingerprint,
    repairs: [...material.repairs],
    warnings,
  };
}

function noPrivateKeyError(material: KeyMaterial, label: string): Error {
  const damaged = material.damagedLabels[0];
  if (damaged !== undefined && material.certificates.length === 0 && material.publicKeys.length === 0) {
    return keyMalformed(label, `the content of its "BEGIN ${damaged}" block does not match its label`);
  }
  if (material.certificates.length > 0) {
    return material.encoding === 'pkcs12' ? keystoreEmpty(label) : keyIsCertificate(label);
  }
  if (material.encoding === 'pkcs12') {
    return keystoreEmpty(label);
  }
  if (material.certificateRequests > 0) {
    return keyIsCertificate(label, true);
  }
  if (material.publicKeys.length > 0) {
    return keyIsPublic(label);
  }
  return keyUnrecognized(label, 'pem-label', material.otherLabels[0]);
}

/** Returns the first certificate whose public key is the key's own, as PEM. */
function matchingCertificate(
  certificates: Buffer[],
  fingerprint: string,
  label: string,
  warnings: string[],
): string | undefined {
  for (const der of certificates) {
    const publicKey = certificatePublicKey(der);
    if (publicKey !== undefined && publicKeyFingerprint(publicKey) === fingerprint) {
      return encodePem('CERTIFICATE', der);
    }
  }
  if (certificates.length > 0) {
    warnings.push(`The certificate in ${label} does not belong to its private key, so sfjwt ignores it.`);
  }
  return undefined;
}

function certificatePublicKey(der: Buffer): KeyObject | undefined {
  try {
    return new X509Certificate(der).publicKey;
  } catch {
    return undefined;
  }
}

/** Names the container and structure of a private key, such as "PEM PKCS#1, OpenSSL traditional encryption". */
export function describeFormat(material: KeyMaterial, part: PrivateKeyPart): string {
  if (material.encoding === 'pkcs12') {
    return 'PKCS#12 keystore';
  }
  const base = `${material.encoding.toUpperCase()} ${part.structure}`;
  if (part.encryption === 'pkcs8') {
    return `${base}, encrypted`;
  }
  return part.encryption === 'openssl-traditional' ? `${base}, OpenSSL traditional encryption` : base;
}
