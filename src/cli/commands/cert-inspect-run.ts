import type { CertificateInfo } from '../../cert/describe-certificate.js';
import { SALESFORCE_UPLOAD_LIMIT_BYTES } from '../../cert/describe-certificate.js';
import { type Inspection, inspectKeyFile } from '../../cert/inspect.js';
import { type Io, printJson, printLines, printWarning } from '../output.js';
import { resolvePassphrase } from '../passphrase.js';
import type { CertInspectArgs } from './cert-inspect.js';

/** Prints the inspection of one file; warnings never change the exit code. */
export async function runCertInspect(args: CertInspectArgs, io: Io): Promise<number> {
  const passphrase = await resolvePassphrase(io, args, 'never', args.file);
  const inspection = await inspectKeyFile(args.file, passphrase === undefined ? {} : { passphrase });
  if (args.json) {
    printJson(io, inspection);
    return 0;
  }
  printLines(io, describeInspection(inspection));
  inspection.warnings.forEach((warning) => printWarning(io, warning));
  return 0;
}

function describeInspection(inspection: Inspection): string[] {
  const lines = [`${inspection.path ?? 'input'}: ${inspection.kind.replace('-', ' ')} (${inspection.format}), ${inspection.size} bytes`];
  if (inspection.locked) {
    lines.push('  Encrypted: pass --passphrase-file FILE or set SF_JWT_KEY_PASSPHRASE to see the key inside.');
  }
  const key = inspection.privateKey ?? inspection.publicKey;
  if (key !== undefined) {
    lines.push(`  Key:                 ${describeKeyType(key.type, key.bits)}`);
    lines.push(`  Public key SHA-256:  ${key.publicKeyFingerprint} (SubjectPublicKeyInfo DER)`);
  }
  for (const certificate of inspection.certificates) {
    lines.push(...describeCertificateLines(certificate));
  }
  if (inspection.repairs.length > 0) {
    lines.push(`  Repaired on read:    ${inspection.repairs.join('; ')}`);
  }
  if (inspection.privateKey !== undefined || inspection.kind === 'keystore') {
    lines.push('  This file holds a private key: keep it secret and never upload it; upload the certificate.');
  }
  return lines;
}

function describeCertificateLines(info: CertificateInfo): string[] {
  const remaining = info.daysRemaining < 0 ? `expired ${-info.daysRemaining} days ago` : `${info.daysRemaining} days left`;
  const fits = info.withinUploadLimit ? 'within' : 'over';
  return [
    '  Certificate:',
    `    Subject:             ${info.subject}`,
    `    Issuer:              ${info.issuer}${info.selfSigned ? ' (self-signed)' : ''}`,
    `    Serial:              ${info.serialNumber}`,
    `    Valid:               ${info.notBefore} to ${info.notAfter} (${remaining})`,
    `    Key:                 ${describeKeyType(info.keyType, info.keyBits)}`,
    `    Signature algorithm: ${info.signatureAlgorithm}`,
    `    SHA-256 fingerprint: ${info.fingerprint}`,
    `    Public key SHA-256:  ${info.publicKeyFingerprint} (SubjectPublicKeyInfo DER)`,
    `    Upload size:         ${info.pemBytes} bytes as PEM, ${fits} Salesforce's ${SALESFORCE_UPLOAD_LIMIT_BYTES}-byte limit`,
  ];
}

function describeKeyType(type: string, bits: number | undefined): string {
  return bits === undefined ? type.toUpperCase() : `${type.toUpperCase()} ${bits} bits`;
}
