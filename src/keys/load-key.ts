import { decodeKeyMaterial } from './decode.js';
import { permissionWarning } from './file-permissions.js';
import { cacheKey, getCachedKey, setCachedKey } from './key-cache.js';
import { readKeyInput } from './read-input.js';
import { selectPrivateKey } from './select-key.js';
import type { KeySource, LoadedKey } from './types.js';

export type { KeyEncoding, KeySource, LoadedKey } from './types.js';

/**
 * Loads an RSA private key for RS256 signing from a file or from text/bytes.
 *
 * Reads PEM PKCS#8 and PKCS#1 (plain, encrypted, or with OpenSSL's
 * Proc-Type/DEK-Info encryption), DER PKCS#8 and PKCS#1, and PKCS#12
 * keystores (legacy RC2/3DES ones included). Repairs text damaged in transit:
 * literal `\n`, CRLF, a byte order mark, quotes, indentation, spaces in place
 * of newlines, base64 of the whole file. A certificate after the key is kept
 * in `certificatePem` when it belongs to the key.
 *
 * Each distinct input (bytes, passphrase, label) is parsed once per process;
 * later calls return the cached KeyObject. File permission warnings are
 * computed on every call.
 *
 * Raises SfjwtError with ERR_KEY_* codes for unusable input, ERR_FILE_READ
 * for an unreadable file, ERR_SETTING_MISSING when the source is empty, and
 * TypeError for a malformed KeySource.
 *
 * @example
 * ```ts
 * const { privateKey, warnings } = await loadPrivateKey({
 *   path: 'certs/server.key',
 *   passphrase: process.env.SF_JWT_KEY_PASSPHRASE,
 * });
 * ```
 */
export async function loadPrivateKey(source: KeySource): Promise<LoadedKey> {
  const input = await readKeyInput(source);
  const key = cacheKey(input.bytes, source.passphrase, input.label);
  let selected = getCachedKey(key);
  if (selected === undefined) {
    const material = await decodeKeyMaterial(input.bytes, source.passphrase, input.label);
    selected = selectPrivateKey(material, source.passphrase, input.label);
    setCachedKey(key, selected);
  }
  const warnings = [...selected.warnings];
  const permissions = input.path === undefined || input.mode === undefined ? undefined : permissionWarning(input.path, input.mode);
  if (permissions !== undefined) {
    warnings.push(permissions);
  }
  return { ...selected, repairs: [...selected.repairs], warnings };
}
