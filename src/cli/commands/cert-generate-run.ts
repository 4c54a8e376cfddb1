import { generateKeyPairAndCertificate } from '../../cert/generate.js';
import { writeKeyPair } from '../../cert/write-key-pair.js';
import { SfjwtError } from '../../errors/sfjwt-error.js';
import { type Io, printJson, printLines } from '../output.js';
import { assertNoLiteralPassphrase, resolvePassphrase } from '../passphrase.js';
import type { CertGenerateArgs } from './cert-generate.js';

/** Generates the pair, writes it and prints where each file goes; never prints the key. */
export async function runCertGenerate(args: CertGenerateArgs, io: Io): Promise<number> {
  const passphrase = await encryptionPassphrase(args, io);
  const pair = await generateKeyPairAndCertificate({
    bits: args.bits,
    days: args.days,
    subject: {
      ...(args.cn === undefined ? {} : { commonName: args.cn }),
      ...(args.o === undefined ? {} : { organization: args.o }),
      ...(args.ou === undefined ? {} : { organizationalUnit: args.ou }),
      ...(args.c === undefined ? {} : { country: args.c }),
    },
    ...(passphrase === undefined ? {} : { passphrase }),
  });
  const files = await writeKeyPair(pair, {
    dir: args['out-dir'],
    keyName: args['key-name'],
    certName: args['cert-name'],
    force: args.force,
  });
  const summary = {
    keyFile: files.keyPath,
    certificateFile: files.certificatePath,
    uploadToSalesforce: files.certificatePath,
    keepSecret: files.keyPath,
    bits: pair.bits,
    encrypted: pair.encrypted,
    subject: pair.subject,
    notBefore: pair.notBefore.toISOString(),
    notAfter: pair.notAfter.toISOString(),
    serialNumber: pair.serialNumber,
    signatureAlgorithm: pair.signatureAlgorithm,
    fingerprint: pair.fingerprint,
    publicKeyFingerprint: pair.publicKeyFingerprint,
  };
  if (args.json) {
    printJson(io, summary);
  } else {
    printLines(io, humanSummary(summary, args.days));
  }
  return 0;
}

async function encryptionPassphrase(args: CertGenerateArgs, io: Io): Promise<string | undefined> {
  if (!args.encrypt) {
    if (args['passphrase-file'] !== undefined || args['passphrase-env'] !== undefined) {
      throw new SfjwtError('ERR_SETTING_INVALID', '--passphrase-file and --passphrase-env apply only with --encrypt; add --encrypt.', {
        details: { setting: 'encrypt' },
      });
    }
    assertNoLiteralPassphrase(args);
    return undefined;
  }
  const passphrase = await resolvePassphrase(io, args, 'confirm', 'the new key');
  if (passphrase === undefined) {
    throw new SfjwtError(
      'ERR_SETTING_MISSING',
      '--encrypt needs a passphrase: pass --passphrase-file FILE, set SF_JWT_KEY_PASSPHRASE, or run in a terminal to be asked.',
      { details: { setting: 'passphrase' } },
    );
  }
  return passphrase;
}

function humanSummary(summary: Record<string, string | number | boolean>, days: number): string[] {
  const key = `${String(summary.keyFile)} (mode 0600${summary.encrypted ? ', encrypted' : ''})`;
  return [
    `Generated an RSA ${String(summary.bits)} key pair and a self-signed certificate.`,
    `  Subject:      ${String(summary.subject)}`,
    `  Valid:        ${String(summary.notBefore)} to ${String(summary.notAfter)} (${days} days)`,
    `  Serial:       ${String(summary.serialNumber)}`,
    `  Signature:    ${String(summary.signatureAlgorithm)}`,
    `  SHA-256 fingerprint (certificate): ${String(summary.fingerprint)}`,
    '',
    `Upload to Salesforce: ${String(summary.certificateFile)}`,
    '  (External Client App: OAuth Settings, Flow Enablement, "Enable JWT Bearer Flow";',
    '   connected app: "Use digital signatures")',
    `Keep secret:          ${key}`,
    '  Never commit it or upload it; pass it to sfjwt with --key-file or SF_JWT_KEY_FILE.',
  ];
}
