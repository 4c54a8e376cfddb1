import { X509Certificate } from 'node:crypto';

import { classifyDer } from '../keys/classify-der.js';
import { withCause } from '../keys/key-errors.js';
import { normaliseKeyText } from '../keys/normalise-text.js';
import { parsePemBlocks } from '../keys/pem.js';
import { certificateInvalid } from './cert-errors.js';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/**
 * Parses a certificate given as PEM text or DER bytes, after the same text
 * repairs as the key loader. With several PEM certificates the first is
 * used. Raises ERR_CERT_INVALID, naming a private key given by mistake.
 */
export function parseCertificate(input: string | Uint8Array, label = 'the certificate'): X509Certificate {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const der = bytes[0] === 0x30 && classifyDer(bytes) === 'certificate' ? bytes : certificateDerFromText(bytes, label);
  try {
    return new X509Certificate(der);
  } catch (error) {
    throw withCause(certificateInvalid(label, 'its content does not parse'), error);
  }
}

function certificateDerFromText(bytes: Buffer, label: string): Buffer {
  const { text } = normaliseKeyText(bytes.toString('utf8'));
  if (text.length === 0) {
    throw certificateInvalid(label, 'it is empty');
  }
  let blocks;
  try {
    blocks = parsePemBlocks(text, label).blocks;
  } catch (error) {
    throw withCause(certificateInvalid(label, 'its PEM block is truncated or damaged'), error);
  }
  const certificate = blocks.find((block) => CERTIFICATE_LABELS.has(block.label));
  if (certificate !== undefined) {
    return certificate.der;
  }
  if (blocks.some((block) => block.label.endsWith('PRIVATE KEY'))) {
    throw certificateInvalid(label, 'it contains a private key (keep that secret; the certificate is the .crt beside it)');
  }
  const found = blocks[0] === undefined ? 'no PEM block' : `a "${blocks[0].label}" block`;
  throw certificateInvalid(label, `it contains ${found}, not a certificate`);
}
