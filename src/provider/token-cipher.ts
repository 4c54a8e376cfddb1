import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { SfjwtError } from '../errors/sfjwt-error.js';

const PREFIX = 'aes256gcm.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts cached tokens with AES-256-GCM before they reach a shared store.
 * The store key is authenticated with each value, so a value copied under
 * another key fails to decrypt.
 */
export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: string | Uint8Array) {
    this.key = parseKey(key);
  }

  /** Encrypts `plaintext` for the store key `storeKey`. */
  seal(plaintext: string, storeKey: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(storeKey, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** Decrypts a value written by `seal` for the same store key; a wrong key raises ERR_TOKEN_STORE_DECRYPT. */
  open(sealed: string, storeKey: string): string {
    if (!sealed.startsWith(PREFIX)) {
      throw decryptError('it is not encrypted (written by a process without an encryption key)');
    }
    const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(storeKey, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw decryptError('the encryption key differs from the one that wrote it');
    }
  }
}

/** Tells whether a stored value was written by a TokenCipher. */
export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

function parseKey(key: string | Uint8Array): Buffer {
  if (typeof key !== 'string' && !(key instanceof Uint8Array)) {
    throw new TypeError(`encryptionKey must be a base64 string or bytes, got ${typeof key}`);
  }
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : Buffer.from(key);
  if (bytes.length !== 32) {
    throw new SfjwtError('ERR_SETTING_INVALID', `encryptionKey must be 32 bytes (AES-256), got ${bytes.length}.`, {
      details: { setting: 'encryptionKey' },
      actions: ['Generate one with `openssl rand -base64 32` and pass the same value to every process of the fleet.'],
    });
  }
  return bytes;
}

function decryptError(reason: string): SfjwtError {
  return new SfjwtError('ERR_TOKEN_STORE_DECRYPT', `A token in the Redis store could not be decrypted: ${reason}.`);
}
