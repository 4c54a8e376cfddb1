import { type DerStructure, classifyDer } from './classify-der.js';
import { readElement } from './der.js';
import {
  keyEmpty,
  keyFormatUnsupported,
  keyIsJwt,
  keyIsPublic,
  keyMalformed,
  keyUnrecognized,
} from './key-errors.js';
import { normaliseKeyText } from './normalise-text.js';
import { type PemBlock, encodePem, parsePemBlocks } from './pem.js';
import { readPkcs12 } from './pkcs12.js';
import type { KeyEncoding } from './types.js';

/** A private key found in the input, not yet parsed or decrypted. */
export interface PrivateKeyPart {
  structure: 'PKCS#8' | 'PKCS#1' | 'SEC1';
  /** `pkcs12` means the keystore was decrypted already and `der` is plain PKCS#8. */
  encryption: 'none' | 'pkcs8' | 'openssl-traditional' | 'pkcs12';
  /** DER of the key; for OpenSSL traditional encryption, the canonical PEM text in `pem` instead. */
  der?: Buffer;
  pem?: string;
}

/** Everything found in one key input. */
export interface KeyMaterial {
  encoding: KeyEncoding;
  privateKeys: PrivateKeyPart[];
  /** Certificates, as DER. */
  certificates: Buffer[];
  /** Public keys, as DER SubjectPublicKeyInfo or PKCS#1 RSAPublicKey. */
  publicKeys: { der: Buffer; type: 'spki' | 'pkcs1' }[];
  certificateRequests: number;
  /** Labels of PEM blocks of any other type. */
  otherLabels: string[];
  /** Labels of certificate and public key blocks whose content does not match the label. */
  damagedLabels: string[];
  repairs: string[];
}

const JWT = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const BASE64_TEXT = /^[A-Za-z0-9+/]+={0,2}$/;
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const REQUEST_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const SSH_CONVERSION = 'ssh-keygen -p -m PKCS8 -f FILE (this rewrites FILE in place; work on a copy)';
const PUTTY_CONVERSION = 'puttygen FILE -O private-openssh -o key.pem';

/**
 * Finds the keys, certificates and public keys in `input`, which may be PEM
 * text (damaged in the ways normaliseKeyText repairs), DER, a PKCS#12
 * keystore, or base64 of a PEM file or of DER. Raises a coded error when the
 * input matches none of these. The caller picks and checks the private key.
 */
export async function decodeKeyMaterial(input: Buffer, passphrase: string | undefined, label: string): Promise<KeyMaterial> {
  if (input.every((byte) => byte <= 0x20)) {
    throw keyEmpty(label);
  }
  const structure = input[0] === 0x30 ? classifyDer(input) : undefined;
  if (structure !== undefined) {
    return decodeDer(input, structure, passphrase, label, []);
  }
  const text = decodeUtf8Text(input);
  if (text === undefined) {
    throw keyUnrecognized(label, 'binary');
  }
  return decodeText(text, passphrase, label, true);
}

/**
 * Decodes `bytes` as UTF-8 text, or returns undefined for binary data. Text
 * with a PEM BEGIN line counts as text even with stray bytes, so damage to a
 * PEM file is reported as such rather than as unknown binary data.
 */
function decodeUtf8Text(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8');
  // U+FFFD marks invalid UTF-8; other control characters than tab and line ends mark binary data.
  const binary = /[\uFFFD\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text);
  return !binary || text.includes('-----BEGIN ') ? text : undefined;
}

async function decodeText(raw: string, passphrase: string | undefined, label: string, allowBase64: boolean): Promise<KeyMaterial> {
  const { text, repairs } = normaliseKeyText(raw);
  if (text.length === 0) {
    throw keyEmpty(label);
  }
  if (text.includes('-----BEGIN')) {
    return decodePem(text, repairs, label);
  }
  rejectKnownText(text, label);
  const compact = text.replace(/\s+/g, '');
  if (allowBase64 && compact.length >= 64 && compact.length % 4 === 0 && BASE64_TEXT.test(compact)) {
    return decodeBase64(Buffer.from(compact, 'base64'), passphrase, label, repairs);
  }
  if (/BEGIN [A-Z0-9 ]*(KEY|CERTIFICATE)/.test(text)) {
    throw keyMalformed(label, 'its BEGIN line lacks the five hyphens on each side');
  }
  const looksLikePath = !/\s/.test(text) && text.length < 1024 && /[/\\]|\.(pem|key|p12|pfx|der|crt)$/i.test(text);
  throw keyUnrecognized(label, looksLikePath ? 'path' : 'text');
}

/** Raises the specific error for text that is recognisably something other than a key. */
function rejectKnownText(text: string, label: string): void {
  if (JWT.test(text)) {
    throw keyIsJwt(label);
  }
  if (text.startsWith('PuTTY-User-Key-File')) {
    throw keyFormatUnsupported(label, 'a PuTTY private key (.ppk)', PUTTY_CONVERSION);
  }
  if (/^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-\S+) [A-Za-z0-9+/]/.test(text)) {
    throw keyIsPublic(label);
  }
}

/** Base64 of a whole PEM file or of DER, as some CI setups store keys. */
async function decodeBase64(decoded: Buffer, passphrase: string | undefined, label: string, repairs: string[]): Promise<KeyMaterial> {
  const structure = decoded[0] === 0x30 ? classifyDer(decoded) : undefined;
  if (structure !== undefined) {
    return decodeDer(decoded, structure, passphrase, label, [...repairs, 'decoded base64 text into DER']);
  }
  const text = decodeUtf8Text(decoded);
  if (text !== undefined && text.includes('-----BEGIN')) {
    const material = await decodeText(text, passphrase, label, false);
    material.repairs.unshift(...repairs, 'decoded a base64-encoded PEM file');
    return material;
  }
  throw keyUnrecognized(label, 'text');
}

function emptyMaterial(encoding: KeyEncoding, repairs: string[]): KeyMaterial {
  return {
    encoding,
    privateKeys: [],
    certificates: [],
    publicKeys: [],
    certificateRequests: 0,
    otherLabels: [],
    damagedLabels: [],
    repairs,
  };
}

function decodePem(text: string, repairs: string[], label: string): KeyMaterial {
  const scan = parsePemBlocks(text, label);
  if (scan.blocks.length === 0) {
    throw keyMalformed(label, 'it has a BEGIN line but no complete PEM block');
  }
  const material = emptyMaterial('pem', [...repairs, ...scan.repairs]);
  for (const block of scan.blocks) {
    addPemBlock(material, block, label);
  }
  return material;
}

function addPemBlock(material: KeyMaterial, block: PemBlock, label: string): void {
  if (block.label.endsWith('PRIVATE KEY')) {
    material.privateKeys.push(privateKeyFromPem(block, label));
  } else if (CERTIFICATE_LABELS.has(block.label)) {
    // A TRUSTED CERTIFICATE carries OpenSSL trust settings after the certificate itself.
    const element = readElement(block.der, 0);
    const der = element === undefined ? block.der : block.der.subarray(0, element.end);
    addIfStructure(material, block.label, der, 'certificate', () => material.certificates.push(der));
  } else if (block.label === 'PUBLIC KEY' || block.label === 'RSA PUBLIC KEY') {
    const type = block.label === 'PUBLIC KEY' ? 'spki' : 'pkcs1';
    const expected = type === 'spki' ? 'spki' : 'pkcs1-public';
    addIfStructure(material, block.label, block.der, expected, () => material.publicKeys.push({ der: block.der, type }));
  } else if (REQUEST_LABELS.has(block.label)) {
    material.certificateRequests += 1;
  } else {
    material.otherLabels.push(block.label);
  }
}

function addIfStructure(material: KeyMaterial, label: string, der: Buffer, expected: DerStructure, add: () => void): void {
  if (classifyDer(der) === expected) {
    add();
  } else {
    material.damagedLabels.push(label);
  }
}

function privateKeyFromPem(block: PemBlock, label: string): PrivateKeyPart {
  if (block.label === 'OPENSSH PRIVATE KEY') {
    throw keyFormatUnsupported(label, 'an OpenSSH private key', SSH_CONVERSION);
  }
  if (/ENCRYPTED/i.test(block.headers.get('proc-type') ?? '')) {
    if (!block.headers.has('dek-info')) {
      throw keyMalformed(label, 'it has a Proc-Type ENCRYPTED header but no DEK-Info header');
    }
    const structure = block.label === 'EC PRIVATE KEY' ? 'SEC1' : 'PKCS#1';
    return { structure, encryption: 'openssl-traditional', pem: encodePem(block.label, block.der, block.headers) };
  }
  const part = partFromDer(block.der);
  if (part === undefined) {
    throw keyMalformed(label, `the content of its "BEGIN ${block.label}" block is not a private key`);
  }
  return part;
}

function partFromDer(der: Buffer, structure = classifyDer(der)): PrivateKeyPart | undefined {
  switch (structure) {
    case 'pkcs8':
      return { structure: 'PKCS#8', encryption: 'none', der };
    case 'pkcs8-encrypted':
      return { structure: 'PKCS#8', encryption: 'pkcs8', der };
    case 'pkcs1-private':
      return { structure: 'PKCS#1', encryption: 'none', der };
    case 'sec1-private':
      return { structure: 'SEC1', encryption: 'none', der };
    default:
      return undefined;
  }
}

async function decodeDer(
  der: Buffer,
  structure: DerStructure,
  passphrase: string | undefined,
  label: string,
  repairs: string[],
): Promise<KeyMaterial> {
  if (structure === 'pkcs12') {
    const contents = await readPkcs12(der, passphrase, label);
    const material = emptyMaterial('pkcs12', repairs);
    material.privateKeys = contents.privateKeys.map((key) => ({ structure: 'PKCS#8', encryption: 'pkcs12', der: key }));
    material.certificates = contents.certificates;
    return material;
  }
  const material = emptyMaterial('der', repairs);
  const part = partFromDer(der, structure);
  if (part !== undefined) {
    material.privateKeys.push(part);
  } else if (structure === 'certificate') {
    material.certificates.push(der);
  } else if (structure === 'spki' || structure === 'pkcs1-public') {
    material.publicKeys.push({ der, type: structure === 'spki' ? 'spki' : 'pkcs1' });
  } else {
    material.certificateRequests += 1;
  }
  return material;
}
