import type { X509Certificate } from 'node:crypto';

import { publicKeyFingerprint } from '../keys/fingerprint.js';
import { encodePem } from '../keys/pem.js';
import { certificateSignatureAlgorithm } from './signature-algorithm.js';

/** Largest certificate file Salesforce accepts for upload to an app: 4 KB. */
export const SALESFORCE_UPLOAD_LIMIT_BYTES = 4096;

/** Details of one certificate, as `sfjwt cert inspect` reports them. */
export interface CertificateInfo {
  /** Distinguished name, attributes joined by ", " (for example "CN=sfjwt, O=Example"). */
  subject: string;
  issuer: string;
  /** Serial number in upper-case hex. */
  serialNumber: string;
  /** Start and end of validity, ISO 8601 in UTC. */
  notBefore: string;
  notAfter: string;
  /** Whole days from now until notAfter; negative once expired. */
  daysRemaining: number;
  signatureAlgorithm: string;
  /** Key type as Node names it: rsa, ec, ed25519 ... */
  keyType: string;
  /** RSA modulus length in bits, when the key is RSA. */
  keyBits?: number;
  /** SHA-256 of the certificate DER, as Salesforce and `openssl x509 -fingerprint -sha256` show it. */
  fingerprint: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER, equal to that of the matching private key. */
  publicKeyFingerprint: string;
  selfSigned: boolean;
  /** Size of the certificate as a PEM file, the form uploaded to Salesforce. */
  pemBytes: number;
  withinUploadLimit: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Describes `certificate` as of `now`. */
export function describeCertificate(certificate: X509Certificate, now: Date = new Date()): CertificateInfo {
  const notAfter = new Date(certificate.validTo);
  const pemBytes = Buffer.byteLength(encodePem('CERTIFICATE', certificate.raw));
  const bits = certificate.publicKey.asymmetricKeyDetails?.modulusLength;
  return {
    subject: formatName(certificate.subject),
    issuer: formatName(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: notAfter.toISOString(),
    daysRemaining: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
    signatureAlgorithm: certificateSignatureAlgorithm(certificate.raw),
    keyType: certificate.publicKey.asymmetricKeyType ?? 'unknown',
    ...(bits === undefined ? {} : { keyBits: bits }),
    fingerprint: certificateFingerprint(certificate),
    publicKeyFingerprint: publicKeyFingerprint(certificate.publicKey),
    selfSigned: isSelfSigned(certificate),
    pemBytes,
    withinUploadLimit: pemBytes <= SALESFORCE_UPLOAD_LIMIT_BYTES,
  };
}

/** SHA-256 of the certificate DER, colon-separated upper-case hex (Node's own format). */
export function certificateFingerprint(certificate: X509Certificate): string {
  return certificate.fingerprint256;
}

/** Node prints names one attribute per line; join them on one line. */
export function formatName(name: string): string {
  return name.split('\n').filter((part) => part.length > 0).join(', ');
}

// checkIssued() is not used: OpenSSL rejects an issuer whose key usage lacks keyCertSign, and
// signing certificates made for Salesforce (sfjwt's own included) have digitalSignature only.
function isSelfSigned(certificate: X509Certificate): boolean {
  try {
    return certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}
