import { X509Certificate, createPrivateKey } from 'node:crypto';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { readFileBounded } from '../util/read-text.js';

/** Salesforce's upload limit for the app certificate, in bytes. */
export const MAX_CERTIFICATE_BYTES = 4096;

/** A certificate checked for upload to an External Client App or connected app. */
export interface SetupCertificate {
  /** The one PEM certificate block, LF line endings, ending in a newline. */
  pem: string;
  /** SHA-256 fingerprint, colon-separated hex as OpenSSL prints it. */
  fingerprint256: string;
  subject: string;
  /** ISO 8601 end of validity. */
  notAfter: string;
  /** An expired certificate still works for JWT logins; Salesforce does not check it. */
  expired: boolean;
  sizeBytes: number;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g;
const PRIVATE_KEY_MARKERS = [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/, /^PuTTY-User-Key-File-/m];

/**
 * Reads and checks the certificate for `sfjwt setup`: one PEM X.509
 * certificate with an RSA key, at most 4 KB. A private key is rejected with
 * ERR_SETUP_CERT_IS_PRIVATE_KEY and its content never appears in the error.
 */
export async function readSetupCertificate(path: string, now: number = Date.now()): Promise<SetupCertificate> {
  const bytes = await readFileBounded(path, 'certificate');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (PRIVATE_KEY_MARKERS.some((marker) => marker.test(text)) || isDerPrivateKey(bytes)) {
    throw privateKeyError(path);
  }
  if (bytes.length > MAX_CERTIFICATE_BYTES) {
    throw new SfjwtError(
      'ERR_SETUP_CERT_TOO_LARGE',
      `${path} is ${bytes.length} bytes; Salesforce accepts a certificate file of at most ${MAX_CERTIFICATE_BYTES} bytes.`,
      { details: { path, sizeBytes: bytes.length, maxBytes: MAX_CERTIFICATE_BYTES } },
    );
  }
  const pem = extractSinglePem(text, bytes, path);
  const certificate = parseCertificate(pem, path);
  return {
    pem,
    fingerprint256: certificate.fingerprint256,
    subject: certificate.subject.replace(/\n/g, ', '),
    notAfter: new Date(certificate.validTo).toISOString(),
    expired: Date.parse(certificate.validTo) < now,
    sizeBytes: bytes.length,
  };
}


function isDerPrivateKey(bytes: Buffer): boolean {
  // A DER private key starts with a SEQUENCE tag; only then is a parse attempt worth it.
  if (bytes[0] !== 0x30) {
    return false;
  }
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      createPrivateKey({ key: bytes, format: 'der', type });
      return true;
    } catch {
      // Not this encoding; try the next one.
    }
  }
  return false;
}

function extractSinglePem(text: string, bytes: Buffer, path: string): string {
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 1) {
    return `${blocks[0]!.replace(/\r\n/g, '\n').trim()}\n`;
  }
  if (blocks.length > 1) {
    throw certificateInvalid(path, `${path} contains ${blocks.length} certificates; the app takes exactly one.`, [
      'Keep only the certificate generated with the integration key (the first block of a chain file, usually).',
    ]);
  }
  if (isDerCertificate(bytes)) {
    throw certificateInvalid(path, `${path} is a DER (binary) certificate; Salesforce takes the PEM form.`, [
      `Convert it: openssl x509 -inform der -in ${path} -out server.crt`,
    ]);
  }
  throw certificateInvalid(path, `${path} is not a PEM certificate (no -----BEGIN CERTIFICATE----- block).`, [
    'Pass the certificate file (.crt) generated with the key, or create one with `sfjwt cert generate`.',
  ]);
}

function isDerCertificate(bytes: Buffer): boolean {
  try {
    new X509Certificate(bytes);
    return true;
  } catch {
    return false;
  }
}

function parseCertificate(pem: string, path: string): X509Certificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch (error) {
    throw certificateInvalid(path, `${path} contains a damaged certificate that failed to parse.`, [
      'Copy the certificate again from its original file, or generate a new pair with `sfjwt cert generate`.',
    ], error);
  }
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') {
    throw new SfjwtError(
      'ERR_KEY_NOT_RSA',
      `The certificate in ${path} has a ${certificate.publicKey.asymmetricKeyType ?? 'non-RSA'} key; Salesforce signs JWT logins with RS256 only.`,
      { details: { path } },
    );
  }
  return certificate;
}

function privateKeyError(path: string): SfjwtError {
  return new SfjwtError(
    'ERR_SETUP_CERT_IS_PRIVATE_KEY',
    `${path} contains a private key, not a certificate; sfjwt did not read it further and never writes it into metadata.`,
    { details: { path } },
  );
}

function certificateInvalid(path: string, message: string, actions: string[], cause?: unknown): SfjwtError {
  return new SfjwtError('ERR_CERT_INVALID', message, { details: { path }, actions, ...(cause === undefined ? {} : { cause }) });
}
