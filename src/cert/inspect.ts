import { type KeyObject, createPublicKey } from 'node:crypto';

import { isSfjwtError } from '../errors/sfjwt-error.js';
import { assertRsaSigningKey } from '../keys/check-rsa-key.js';
import { type KeyMaterial, decodeKeyMaterial } from '../keys/decode.js';
import { permissionWarning } from '../keys/file-permissions.js';
import { publicKeyFingerprint } from '../keys/fingerprint.js';
import { keyMalformed, keyUnrecognized, withCause } from '../keys/key-errors.js';
import { openPrivateKey } from '../keys/open-private-key.js';
import { readKeyInput } from '../keys/read-input.js';
import { describeFormat } from '../keys/select-key.js';
import { certificateWarnings } from './certificate-warnings.js';
import { type CertificateInfo, describeCertificate } from './describe-certificate.js';
import { parseCertificate } from './parse-certificate.js';

/** Kind of a key or certificate file. */
export type InspectedKind = 'private-key' | 'public-key' | 'certificate' | 'certificate-request' | 'keystore';

/** A private or public key as inspection reports it. */
export interface KeyInfo {
  /** Key type as Node names it: rsa, ec, ed25519 ... */
  type: string;
  /** RSA modulus length in bits. */
  bits?: number;
  /** SHA-256 of the SubjectPublicKeyInfo DER. */
  publicKeyFingerprint: string;
}

/** Result of `sfjwt cert inspect`. */
export interface Inspection {
  path?: string;
  kind: InspectedKind;
  encoding: 'PEM' | 'DER';
  /** Container and structure, such as "PEM PKCS#8" or "DER X.509 certificate". */
  format: string;
  /** Size of the input in bytes. */
  size: number;
  /** Whether the key or keystore is passphrase-protected. */
  encrypted: boolean;
  /** Encrypted and not opened, because no passphrase was given. */
  locked: boolean;
  privateKey?: KeyInfo;
  publicKey?: KeyInfo;
  certificates: CertificateInfo[];
  repairs: string[];
  warnings: string[];
}

export interface InspectOptions {
  /** Opens an encrypted key or keystore; without it only the kind is reported. */
  passphrase?: string;
  now?: Date;
}

/**
 * Reports what a file is (private key, public key, certificate, keystore;
 * PEM or DER), its key and certificate details and the warnings worth
 * acting on. Keys that sfjwt cannot sign with (EC, short RSA) are described
 * with a warning instead of an error; unreadable data raises the key
 * loader's errors.
 *
 * @example
 * ```ts
 * const { kind, certificates, warnings } = await inspectKeyFile('certs/server.crt');
 * ```
 */
export async function inspectKeyFile(path: string, options: InspectOptions = {}): Promise<Inspection> {
  if (typeof path !== 'string') {
    throw new TypeError('inspectKeyFile needs a path string');
  }
  const input = await readKeyInput({ path });
  const result = await inspectKeyData(input.bytes, path, options);
  const permissions = result.kind === 'private-key' || result.kind === 'keystore'
    ? permissionWarning(path, input.mode ?? 0)
    : undefined;
  return { path, ...result, warnings: permissions === undefined ? result.warnings : [...result.warnings, permissions] };
}

/** Inspects key or certificate bytes; `label` names them in messages. See inspectKeyFile. */
export async function inspectKeyData(bytes: Uint8Array, label: string, options: InspectOptions = {}): Promise<Inspection> {
  return inspectBuffer(Buffer.from(bytes), label, options);
}

async function inspectBuffer(bytes: Buffer, label: string, options: InspectOptions): Promise<Inspection> {
  const now = options.now ?? new Date();
  let material: KeyMaterial;
  try {
    material = await decodeKeyMaterial(bytes, options.passphrase, label);
  } catch (error) {
    if (isSfjwtError(error, 'ERR_KEY_ENCRYPTED')) {
      return { ...baseInspection('keystore', 'DER', bytes.length, []), encrypted: true, locked: true, format: 'PKCS#12 keystore' };
    }
    throw error;
  }
  const encoding = material.encoding === 'pem' ? 'PEM' : 'DER';
  const certificates = material.certificates.map((der) => describeCertificate(parseCertificate(der, label), now));
  const result = baseInspection(kindOf(material, label), encoding, bytes.length, material.repairs);
  result.format = formatOf(material, result.kind);
  result.certificates = certificates;
  result.warnings = certificates.flatMap((info) => certificateWarnings(info, label, now));
  result.warnings.push(...material.damagedLabels.map((damaged) => `The "${damaged}" block in ${label} is damaged.`));
  const part = material.privateKeys[0];
  if (part !== undefined) {
    inspectPrivateKey(result, openPrivateKeyOrLocked(material, options.passphrase, label), label);
    result.encrypted = part.encryption !== 'none';
  } else if (material.publicKeys[0] !== undefined && certificates.length === 0) {
    result.publicKey = describeKey(parsePublicKey(material.publicKeys[0], label));
  }
  return result;
}

function baseInspection(kind: InspectedKind, encoding: 'PEM' | 'DER', size: number, repairs: string[]): Inspection {
  const format = `${encoding} ${kind}`;
  return { kind, encoding, format, size, encrypted: false, locked: false, certificates: [], repairs: [...repairs], warnings: [] };
}

function formatOf(material: KeyMaterial, kind: InspectedKind): string {
  const part = material.privateKeys[0];
  if (part !== undefined) {
    return describeFormat(material, part);
  }
  const encoding = material.encoding.toUpperCase();
  const names: Record<InspectedKind, string> = {
    'private-key': 'private key',
    'public-key': material.publicKeys[0]?.type === 'pkcs1' ? 'PKCS#1 public key' : 'SubjectPublicKeyInfo public key',
    certificate: 'X.509 certificate',
    'certificate-request': 'PKCS#10 certificate request',
    keystore: 'PKCS#12 keystore',
  };
  return kind === 'keystore' ? names.keystore : `${encoding} ${names[kind]}`;
}

function kindOf(material: KeyMaterial, label: string): InspectedKind {
  if (material.encoding === 'pkcs12') {
    return 'keystore';
  }
  if (material.privateKeys.length > 0) {
    return 'private-key';
  }
  if (material.certificates.length > 0) {
    return 'certificate';
  }
  if (material.publicKeys.length > 0) {
    return 'public-key';
  }
  if (material.certificateRequests > 0) {
    return 'certificate-request';
  }
  const damaged = material.damagedLabels[0];
  if (damaged !== undefined) {
    throw keyMalformed(label, `the content of its "BEGIN ${damaged}" block does not match its label`);
  }
  throw keyUnrecognized(label, 'pem-label', material.otherLabels[0]);
}

function openPrivateKeyOrLocked(material: KeyMaterial, passphrase: string | undefined, label: string): KeyObject | undefined {
  try {
    return openPrivateKey(material.privateKeys[0] as KeyMaterial['privateKeys'][number], passphrase, label);
  } catch (error) {
    if (isSfjwtError(error, 'ERR_KEY_ENCRYPTED')) {
      return undefined;
    }
    throw error;
  }
}

function inspectPrivateKey(result: Inspection, key: KeyObject | undefined, label: string): void {
  if (key === undefined) {
    result.locked = true;
    return;
  }
  result.privateKey = describeKey(key);
  try {
    assertRsaSigningKey(key, label);
  } catch (error) {
    result.warnings.push(error instanceof Error ? error.message : String(error));
  }
}

function parsePublicKey(publicKey: KeyMaterial['publicKeys'][number], label: string): KeyObject {
  try {
    return createPublicKey({ key: publicKey.der, format: 'der', type: publicKey.type });
  } catch (error) {
    throw withCause(keyMalformed(label, 'its public key does not parse'), error);
  }
}

function describeKey(key: KeyObject): KeyInfo {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  return {
    type: key.asymmetricKeyType ?? 'unknown',
    ...(bits === undefined ? {} : { bits }),
    publicKeyFingerprint: publicKeyFingerprint(key),
  };
}
