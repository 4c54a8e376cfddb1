import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { assertWritable, writeFileAtomic } from '../util/write-file.js';

/** Output folder and file names of writeKeyPair. */
export interface KeyPairFiles {
  /** Folder, created when missing; default `certs`. */
  dir?: string;
  /** File name of the private key; default `server.key`. */
  keyName?: string;
  /** File name of the certificate; default `server.crt`. */
  certName?: string;
  /** Replace existing files. Without it, either file existing raises ERR_FILE_EXISTS and nothing is written. */
  force?: boolean;
}

export interface WrittenKeyPair {
  keyPath: string;
  certificatePath: string;
}

/**
 * Writes the private key (mode 0600) and the certificate (mode 0644), each
 * atomically. Both paths are checked before either file is written. The
 * certificate is written first, so a failure leaves no new private key.
 *
 * @example
 * ```ts
 * const { keyPath, certificatePath } = await writeKeyPair(pair, { dir: 'certs', keyName: 'next.key', certName: 'next.crt' });
 * ```
 */
export async function writeKeyPair(
  pair: { privateKeyPem: string; certificatePem: string },
  files: KeyPairFiles = {},
): Promise<WrittenKeyPair> {
  const dir = files.dir ?? 'certs';
  const keyName = checkFileName('key-name', files.keyName ?? 'server.key');
  const certName = checkFileName('cert-name', files.certName ?? 'server.crt');
  if (keyName === certName) {
    throw new SfjwtError('ERR_SETTING_INVALID', `--key-name and --cert-name are both ${keyName}; give them different names.`, {
      details: { setting: 'key-name' },
    });
  }
  const keyPath = join(dir, keyName);
  const certificatePath = join(dir, certName);
  const force = files.force === true;
  await assertWritable([keyPath, certificatePath], force);
  await writeFileAtomic(certificatePath, pair.certificatePem, { mode: 0o644, force });
  try {
    await writeFileAtomic(keyPath, pair.privateKeyPem, { mode: 0o600, force });
  } catch (error) {
    if (!force) {
      await rm(certificatePath, { force: true });
    }
    throw error;
  }
  return { keyPath, certificatePath };
}

function checkFileName(setting: string, name: string): string {
  if (name.length === 0 || basename(name) !== name || name === '.' || name === '..') {
    throw new SfjwtError('ERR_SETTING_INVALID', `--${setting} "${name}" must be a file name without a folder; use --out-dir for the folder.`, {
      details: { setting },
    });
  }
  return name;
}
