import { MIN_RSA_BITS } from '../keys/check-rsa-key.js';
import { type CertificateInfo, SALESFORCE_UPLOAD_LIMIT_BYTES } from './describe-certificate.js';
import { WEAK_SIGNATURE_ALGORITHMS } from './signature-algorithm.js';

/** Days before expiry from which inspection warns. */
export const EXPIRY_WARNING_DAYS = 30;

const ROTATE = 'rotate it: docs/certificates.md, "Rotation", lists the sfjwt commands';

/**
 * Lists what deserves attention in a certificate meant for a Salesforce app.
 * Expiry is only a warning: Salesforce keeps accepting JWTs signed by the
 * key of an uploaded certificate after that certificate expires.
 */
export function certificateWarnings(info: CertificateInfo, label: string, now: Date = new Date()): string[] {
  const warnings: string[] = [];
  if (info.daysRemaining < 0) {
    warnings.push(
      `The certificate ${label} expired on ${info.notAfter}. Salesforce still accepts JWTs signed by its key, ` +
        `but tools that check dates will not; ${ROTATE}.`,
    );
  } else if (info.daysRemaining < EXPIRY_WARNING_DAYS) {
    warnings.push(`The certificate ${label} expires in ${info.daysRemaining} days (${info.notAfter}); ${ROTATE}.`);
  }
  if (new Date(info.notBefore).getTime() > now.getTime()) {
    warnings.push(`The certificate ${label} is not valid before ${info.notBefore}; check the clock of the machine that made it.`);
  }
  if (WEAK_SIGNATURE_ALGORITHMS.has(info.signatureAlgorithm)) {
    warnings.push(
      `The certificate ${label} is signed with ${info.signatureAlgorithm}, a broken hash; ` +
        'generate a SHA-256 one with `sfjwt cert generate` and upload it.',
    );
  }
  warnings.push(...keyWarnings(info, label));
  if (info.selfSigned) {
    warnings.push(
      `The certificate ${label} is self-signed. Salesforce accepts that for the JWT bearer flow; ` +
        'systems that need a CA-issued certificate do not.',
    );
  }
  if (!info.withinUploadLimit) {
    warnings.push(
      `The certificate ${label} is ${info.pemBytes} bytes as PEM, over Salesforce's ${SALESFORCE_UPLOAD_LIMIT_BYTES}-byte upload limit.`,
    );
  }
  return warnings;
}

function keyWarnings(info: CertificateInfo, label: string): string[] {
  if (info.keyType !== 'rsa') {
    return [`The certificate ${label} holds a ${info.keyType} key; Salesforce's RS256 needs an RSA key.`];
  }
  if ((info.keyBits ?? 0) < MIN_RSA_BITS) {
    return [`The certificate ${label} holds an RSA key of ${info.keyBits ?? 0} bits; RS256 needs ${MIN_RSA_BITS} or more.`];
  }
  return [];
}
