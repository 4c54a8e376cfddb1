/**
 * Builders for the key-material errors. Each message names the source (a
 * path or a variable name), the cause and the fix, and is built only from
 * those chosen words: never from the input, so no key material can leak.
 */
import { SfjwtError } from '../errors/sfjwt-error.js';

/** Shape of the data found where a key belongs, for ERR_KEY_UNRECOGNIZED. */
export type UnrecognizedShape = 'binary' | 'path' | 'text' | 'too-large' | 'pem-label';

// The hint names the PEM labels without their hyphens: output redaction masks anything
// from a `-----BEGIN ... PRIVATE KEY-----` line onwards.
const PRIVATE_KEY_HINT = 'a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)';

export function keyEmpty(label: string): SfjwtError {
  return new SfjwtError('ERR_KEY_EMPTY', `${label} is empty; it should contain ${PRIVATE_KEY_HINT}.`, {
    details: { source: label },
  });
}

export function keyUnrecognized(label: string, shape: UnrecognizedShape, pemLabel?: string): SfjwtError {
  const messages: Record<UnrecognizedShape, string> = {
    binary:
      `${label} contains binary data that is not a DER key or a PKCS#12 keystore, ` +
      'as left by a secret that failed to decrypt or the wrong file; it should contain ' +
      `${PRIVATE_KEY_HINT}.`,
    path:
      `${label} contains what looks like a file path, not a key. ` +
      'Pass a path with --key-file or SF_JWT_KEY_FILE; SF_JWT_KEY takes the PEM text itself.',
    text: `${label} contains text that is not a key; it should contain ${PRIVATE_KEY_HINT}.`,
    'too-large': `${label} is larger than 1 MiB, which no key file is; check that it names the key file.`,
    'pem-label':
      `${label} contains a PEM block labelled "${pemLabel ?? ''}" but no private key; ` +
      `it should contain ${PRIVATE_KEY_HINT}.`,
  };
  return new SfjwtError('ERR_KEY_UNRECOGNIZED', messages[shape], { details: { source: label, shape } });
}

export function keyMalformed(label: string, problem: string): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_MALFORMED',
    `${label} is damaged: ${problem}. Copy the key again from its original file, BEGIN and END lines included.`,
    { details: { source: label } },
  );
}

export function keyFormatUnsupported(label: string, format: string, conversion: string): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_FORMAT_UNSUPPORTED',
    `${label} is ${format}, which sfjwt does not read. Convert it to PEM PKCS#8 with: ${conversion}`,
    { details: { source: label, format } },
  );
}

export function keyIsCertificate(label: string, request = false): SfjwtError {
  const kind = request ? 'a certificate signing request' : 'a certificate';
  return new SfjwtError(
    'ERR_KEY_IS_CERTIFICATE',
    `${label} contains ${kind}, not a private key. Pass the private key file instead ` +
      '(the .key written beside the .crt); the certificate is what you upload to Salesforce.',
    { details: { source: label } },
  );
}

export function keyIsPublic(label: string): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_IS_PUBLIC',
    `${label} contains a public key, not a private key. Pass the private key that belongs to ` +
      'the certificate uploaded to the app; a public key cannot sign.',
    { details: { source: label } },
  );
}

export function keyIsJwt(label: string): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_IS_JWT',
    `${label} contains a signed JWT, not a private key. Pass the private key; sfjwt signs the assertion itself.`,
    { details: { source: label } },
  );
}

export function keyNotRsa(label: string, keyType: string): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_NOT_RSA',
    `${label} contains a key of type ${keyType}; Salesforce accepts only RS256, which needs an RSA key. ` +
      'Generate an RSA pair with `sfjwt cert generate` and upload the new certificate.',
    { details: { source: label, keyType } },
  );
}

export function keyTooShort(label: string, bits: number): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_TOO_SHORT',
    `${label} is an RSA key of ${bits} bits; RS256 needs 2048 bits or more. ` +
      'Generate a new pair with `sfjwt cert generate` and upload the new certificate.',
    { details: { source: label, bits } },
  );
}

export function keyEncrypted(label: string, keystore: boolean): SfjwtError {
  const kind = keystore ? 'a password-protected PKCS#12 keystore' : 'an encrypted private key';
  return new SfjwtError(
    'ERR_KEY_ENCRYPTED',
    `${label} is ${kind} and no passphrase was given. Set SF_JWT_KEY_PASSPHRASE or pass ` +
      '--passphrase-file FILE (library: `passphrase` in the key source).',
    { details: { source: label } },
  );
}

export function passphraseWrong(label: string, keystore: boolean): SfjwtError {
  const kind = keystore ? 'PKCS#12 keystore' : 'encrypted private key';
  return new SfjwtError(
    'ERR_KEY_PASSPHRASE_WRONG',
    `The passphrase given does not decrypt the ${kind} ${label}: the passphrase is wrong ` +
      '(check for a trailing space or newline), or the file is damaged.',
    { details: { source: label } },
  );
}

export function keystoreEmpty(label: string): SfjwtError {
  return new SfjwtError(
    'ERR_KEY_KEYSTORE_EMPTY',
    `The PKCS#12 keystore ${label} contains no private key, only certificates. ` +
      'Export it again with its private key, or pass the PEM private key file.',
    { details: { source: label } },
  );
}

/** Keeps a lower layer's error as the cause for debugging; the printed message stays ours. */
export function withCause<T extends Error>(error: T, cause: unknown): T {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false, configurable: true, writable: true });
  return error;
}
