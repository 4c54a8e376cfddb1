import { decodeOid, readChildren, readRoot } from '../keys/der.js';

/** Names of the signature algorithm identifiers found in certificates (RFC 8017, RFC 5758, RFC 8410). */
const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

/** Signature algorithms whose hash no longer resists collisions. */
export const WEAK_SIGNATURE_ALGORITHMS = new Set(['md5WithRSAEncryption', 'sha1WithRSAEncryption', 'ecdsa-with-SHA1']);

/**
 * Returns the name of a certificate's signatureAlgorithm field (the second
 * field of the outer SEQUENCE), as `openssl x509 -text` prints it, or the
 * dotted OID when the name is not in the table.
 */
export function certificateSignatureAlgorithm(der: Uint8Array): string {
  const root = readRoot(der);
  const fields = root === undefined ? undefined : readChildren(der, root);
  const algorithm = fields?.[1];
  const identifier = algorithm === undefined ? undefined : readChildren(der, algorithm)?.[0];
  const oid = identifier === undefined ? undefined : decodeOid(der, identifier);
  if (oid === undefined) {
    return 'unknown';
  }
  return SIGNATURE_ALGORITHMS[oid] ?? oid;
}
