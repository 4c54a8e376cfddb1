import { type KeyObject, X509Certificate } from 'node:crypto';

import { publicKeyFingerprint } from '../keys/fingerprint.js';
import { encodePem } from '../keys/pem.js';
import { buildSelfSignedCertificate } from './build-certificate.js';
import { takeRsaKeyPair } from './early-key-pair.js';
import { certificateFingerprint, formatName } from './describe-certificate.js';
import {
  type CertificateSubject,
  type GenerationInput,
  type GenerationSettings,
  type RsaKeySize,
  validateGenerationInput,
} from './generate-options.js';

/** Options of generateKeyPairAndCertificate. */
export interface GenerateOptions extends GenerationInput {
  /** Encrypts the PKCS#8 PEM with AES-256-CBC under this passphrase. */
  passphrase?: string;
  /** Start of validity; defaults to the current time. */
  now?: Date;
}

/** A new RSA key pair with its self-signed certificate. */
export interface GeneratedKeyPair {
  privateKey: KeyObject;
  /** PKCS#8 PEM, encrypted when a passphrase was given. Keep it secret. */
  privateKeyPem: string;
  /** The certificate to upload to the Salesforce app. */
  certificatePem: string;
  bits: RsaKeySize;
  encrypted: boolean;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  serialNumber: string;
  signatureAlgorithm: 'sha256WithRSAEncryption';
  /** SHA-256 of the certificate DER. */
  fingerprint: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER. */
  publicKeyFingerprint: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Generates an RSA key pair (2048 bits unless `bits` is 3072 or 4096)
 * with Node's crypto and a self-signed SHA-256 certificate valid for `days`
 * (365 by default), returning both as PEM. Nothing is written to disk; see
 * writeKeyPair. Invalid options raise ERR_SETTING_INVALID.
 *
 * @example
 * ```ts
 * const pair = await generateKeyPairAndCertificate({ subject: { commonName: 'billing-sync' } });
 * await writeKeyPair(pair, { dir: 'certs' });
 * ```
 */
export async function generateKeyPairAndCertificate(options: GenerateOptions = {}): Promise<GeneratedKeyPair> {
  if (options.passphrase !== undefined && (typeof options.passphrase !== 'string' || options.passphrase === '')) {
    throw new TypeError('passphrase must be a non-empty string');
  }
  const settings = validateGenerationInput(options);

  // Key generation runs on the thread pool, so loading node-forge overlaps with it.
  const [keys, forge] = await Promise.all([
    takeRsaKeyPair(settings.bits),
    import('node-forge').then((module) => module.default),
  ]);
  const notBefore = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + settings.days * DAY_MS);
  const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const built = buildSelfSignedCertificate(forge, {
    privateKey: keys.privateKey,
    publicKeyPem,
    subject: settings.subject,
    notBefore,
    notAfter,
  });

  return describePair(keys, { ...built, notBefore, notAfter }, settings, options.passphrase);
}

function describePair(
  keys: { privateKey: KeyObject; publicKey: KeyObject },
  built: { pem: string; serialNumber: string; notBefore: Date; notAfter: Date },
  settings: GenerationSettings,
  passphrase: string | undefined,
): GeneratedKeyPair {
  const certificate = new X509Certificate(built.pem);
  if (!certificate.verify(keys.publicKey)) {
    throw new Error('the generated certificate does not verify with its own key');
  }
  return {
    privateKey: keys.privateKey,
    privateKeyPem: exportPrivateKey(keys.privateKey, passphrase),
    // forge writes CRLF line endings; re-encode with LF like OpenSSL.
    certificatePem: encodePem('CERTIFICATE', certificate.raw),
    bits: settings.bits,
    encrypted: passphrase !== undefined,
    subject: formatName(certificate.subject),
    notBefore: built.notBefore,
    notAfter: built.notAfter,
    serialNumber: built.serialNumber.toUpperCase(),
    signatureAlgorithm: 'sha256WithRSAEncryption',
    fingerprint: certificateFingerprint(certificate),
    publicKeyFingerprint: publicKeyFingerprint(keys.publicKey),
  };
}

function exportPrivateKey(privateKey: KeyObject, passphrase: string | undefined): string {
  const encryption = passphrase === undefined ? {} : { cipher: 'aes-256-cbc', passphrase };
  return privateKey.export({ type: 'pkcs8', format: 'pem', ...encryption }).toString();
}

export type { CertificateSubject };
