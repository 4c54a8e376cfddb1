
import { assertKeyMatchesCertificate } from '../../cert/check.js';
import { readEnv } from '../../config/env.js';
import { SfjwtError } from '../../errors/sfjwt-error.js';
import type { KeySource } from '../../keys/types.js';
import { type Io, printJson, printLines, printWarning } from '../output.js';
import { loadKeyWithPassphrase } from '../passphrase.js';
import type { CertCheckArgs } from './cert-check.js';
import { readFileBounded } from '../../util/read-text.js';

/** Loads the key, compares it with the certificate and prints both fingerprints. */
export async function runCertCheck(args: CertCheckArgs, io: Io): Promise<number> {
  const source = keySource(args, io);
  const key = await loadKeyWithPassphrase(io, source, args);
  const certificateLabel = args.cert ?? `the certificate stored in ${source.label ?? 'the key'}`;
  const certificate = args.cert === undefined ? key.certificatePem : await readFileBounded(args.cert, 'certificate');
  if (certificate === undefined) {
    throw new SfjwtError('ERR_SETTING_MISSING', `--cert is missing, and ${source.label ?? 'the key'} contains no certificate to check against.`, {
      details: { setting: 'cert' },
    });
  }
  const match = assertKeyMatchesCertificate(key.privateKey, certificate, { key: source.label, certificate: certificateLabel });
  const result = { match: true, key: source.label, certificate: certificateLabel, keyFormat: key.format, ...match, warnings: key.warnings };
  if (args.json) {
    printJson(io, result);
    return 0;
  }
  key.warnings.forEach((warning) => printWarning(io, warning));
  printLines(io, [
    `The private key ${String(source.label)} belongs to ${certificateLabel}.`,
    `  Certificate SHA-256 fingerprint: ${match.fingerprint}`,
    `  Public key SHA-256:              ${match.publicKeyFingerprint} (SubjectPublicKeyInfo DER)`,
    '  An RS256 test assertion signed with the key verifies with the certificate.',
  ]);
  return 0;
}

/** --key, else SF_JWT_KEY_FILE, else the key text in SF_JWT_KEY. */
function keySource(args: CertCheckArgs, io: Io): KeySource & { label: string } {
  if (args.key !== undefined) {
    return { path: args.key, label: args.key };
  }
  const file = readEnv('keyFile', io.env);
  if (file !== undefined) {
    return { path: file.value, label: file.value };
  }
  const text = readEnv('key', io.env);
  if (text !== undefined) {
    return { data: text.value, label: text.variable };
  }
  throw new SfjwtError('ERR_SETTING_MISSING', 'No private key was given: pass --key FILE, or set SF_JWT_KEY_FILE or SF_JWT_KEY.', {
    details: { setting: 'key' },
  });
}
