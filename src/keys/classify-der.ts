import { type DerElement, TAG, readChildren, readRoot, readSmallInteger } from './der.js';

/** Top-level DER structures that classifyDer distinguishes. */
export type DerStructure =
  | 'pkcs8'
  | 'pkcs8-encrypted'
  | 'pkcs1-private'
  | 'sec1-private'
  | 'spki'
  | 'pkcs1-public'
  | 'certificate'
  | 'certificate-request'
  | 'pkcs12';

/**
 * Names the structure of a DER document from the tags of its top-level
 * fields (RFC 5208 PrivateKeyInfo and EncryptedPrivateKeyInfo, RFC 8017
 * RSAPrivateKey and RSAPublicKey, RFC 5915 ECPrivateKey, RFC 5280
 * Certificate and SubjectPublicKeyInfo, RFC 2986 CertificationRequest,
 * RFC 7292 PFX). Returns undefined when the bytes match none of them.
 */
export function classifyDer(bytes: Uint8Array): DerStructure | undefined {
  const root = readRoot(bytes);
  if (root === undefined || root.tag !== TAG.sequence) {
    return undefined;
  }
  const fields = readChildren(bytes, root);
  if (fields === undefined || fields.length < 2) {
    return undefined;
  }
  return classifyFields(bytes, fields);
}

function classifyFields(bytes: Uint8Array, fields: DerElement[]): DerStructure | undefined {
  const tags = fields.map((field) => field.tag);
  const version = readSmallInteger(bytes, fields[0] as DerElement);
  if (matches(tags, [TAG.integer, TAG.sequence, TAG.octetString]) && (version === 0 || version === 1)) {
    return 'pkcs8';
  }
  if (version === 3 && matches(tags, [TAG.integer, TAG.sequence])) {
    return 'pkcs12';
  }
  if (version === 1 && matches(tags, [TAG.integer, TAG.octetString])) {
    return 'sec1-private';
  }
  if (tags.length >= 9 && tags.every((tag) => tag === TAG.integer) && (version === 0 || version === 1)) {
    return 'pkcs1-private';
  }
  return classifyPair(tags) ?? classifySigned(bytes, fields, tags);
}

function classifyPair(tags: number[]): DerStructure | undefined {
  if (tags.length !== 2) {
    return undefined;
  }
  if (matches(tags, [TAG.sequence, TAG.octetString])) {
    return 'pkcs8-encrypted';
  }
  if (matches(tags, [TAG.sequence, TAG.bitString])) {
    return 'spki';
  }
  return matches(tags, [TAG.integer, TAG.integer]) ? 'pkcs1-public' : undefined;
}

/** Distinguishes a certificate from a certificate request; both are SEQUENCE { info, algorithm, signature }. */
function classifySigned(bytes: Uint8Array, fields: DerElement[], tags: number[]): DerStructure | undefined {
  if (tags.length !== 3 || !matches(tags, [TAG.sequence, TAG.sequence, TAG.bitString])) {
    return undefined;
  }
  const info = readChildren(bytes, fields[0] as DerElement);
  if (info === undefined || info.length < 4) {
    return undefined;
  }
  const first = info[0]?.tag;
  if (first === TAG.contextZero || (first === TAG.integer && info.length >= 6)) {
    return 'certificate';
  }
  return info.length === 4 && info[3]?.tag === TAG.contextZero ? 'certificate-request' : undefined;
}

/** Returns whether `tags` starts with `prefix`. */
function matches(tags: number[], prefix: number[]): boolean {
  return prefix.every((tag, index) => tags[index] === tag);
}
