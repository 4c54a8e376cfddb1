import { X509Certificate, createPrivateKey } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { assertKeyMatchesCertificate } from '../../src/cert/check.js';
import { generateKeyPairAndCertificate } from '../../src/cert/generate.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { loadPrivateKey } from '../../src/keys/load-key.js';

/** Runs `openssl x509 -text` on a certificate, the way a user would check it. */
function opensslText(certificatePem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sfjwt-x509-'));
  try {
    writeFileSync(join(dir, 'cert.pem'), certificatePem);
    return execFileSync('openssl', ['x509', '-in', join(dir, 'cert.pem'), '-noout', '-text'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function settingError(options: Parameters<typeof generateKeyPairAndCertificate>[0]): Promise<SfjwtError> {
  const error = await generateKeyPairAndCertificate(options).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).to.be.instanceOf(SfjwtError);
  return error as SfjwtError;
}

describe('generateKeyPairAndCertificate', () => {
  let pair: Awaited<ReturnType<typeof generateKeyPairAndCertificate>>;
  const now = new Date('2026-06-01T12:00:00.400Z');

  before(async () => {
    pair = await generateKeyPairAndCertificate({
      subject: { commonName: 'billing-sync', organization: 'Example Co', organizationalUnit: 'Integrations', country: 'de' },
      now,
    });
  });

  it('signs the certificate with sha256WithRSAEncryption, per openssl', () => {
    const text = opensslText(pair.certificatePem);

    expect(text).to.match(/Signature Algorithm: sha256WithRSAEncryption/);
    expect(text).not.to.match(/sha1With/);
  });

  it('sets the v3 extensions, per openssl', () => {
    const text = opensslText(pair.certificatePem);

    expect(text).to.match(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).to.match(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).to.match(/X509v3 Subject Key Identifier:\s+([0-9A-F]{2}:){19}[0-9A-F]{2}/);
    expect(text).to.match(/Version: 3/);
  });

  it('uses the subject for subject and issuer', () => {
    const certificate = new X509Certificate(pair.certificatePem);

    expect(pair.subject).to.equal('CN=billing-sync, O=Example Co, OU=Integrations, C=DE');
    expect(certificate.issuer).to.equal(certificate.subject);
    expect(certificate.verify(certificate.publicKey)).to.equal(true);
  });

  it('is valid 365 days from now, in whole seconds', () => {
    const certificate = new X509Certificate(pair.certificatePem);

    expect(pair.notBefore.toISOString()).to.equal('2026-06-01T12:00:00.000Z');
    expect(pair.notAfter.toISOString()).to.equal('2027-06-01T12:00:00.000Z');
    expect(new Date(certificate.validTo).toISOString()).to.equal('2027-06-01T12:00:00.000Z');
  });

  it('has a positive 128-bit random serial number', async () => {
    const other = await generateKeyPairAndCertificate();
    const serial = new X509Certificate(pair.certificatePem).serialNumber;

    expect(serial).to.match(/^[0-7][0-9A-F]{31}$/);
    expect(serial).to.equal(pair.serialNumber);
    expect(other.serialNumber).not.to.equal(pair.serialNumber);
  });

  it('returns a PKCS#8 key of 2048 bits that belongs to the certificate', () => {
    expect(pair.privateKeyPem).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(pair.bits).to.equal(2048);
    expect(createPrivateKey(pair.privateKeyPem).asymmetricKeyDetails?.modulusLength).to.equal(2048);
    expect(assertKeyMatchesCertificate(pair.privateKey, pair.certificatePem).fingerprint).to.equal(pair.fingerprint);
  });

  it('writes LF line endings, 64-character lines and fits the upload limit', () => {
    expect(pair.certificatePem).not.to.include('\r');
    expect(pair.certificatePem.split('\n').every((line) => line.length <= 64)).to.equal(true);
    expect(Buffer.byteLength(pair.certificatePem)).to.be.lessThan(4096);
  });

  it('uses sfjwt-integration as default common name', async () => {
    expect((await generateKeyPairAndCertificate()).subject).to.equal('CN=sfjwt-integration');
  });

  for (const bits of [3072, 4096]) {
    it(`generates ${bits}-bit keys`, async () => {
      const large = await generateKeyPairAndCertificate({ bits });

      expect(new X509Certificate(large.certificatePem).publicKey.asymmetricKeyDetails?.modulusLength).to.equal(bits);
      expect(large.bits).to.equal(bits);
    });
  }

  it('encrypts the key with the passphrase', async () => {
    const encrypted = await generateKeyPairAndCertificate({ passphrase: 'correct-horse' });
    const loaded = await loadPrivateKey({ data: encrypted.privateKeyPem, passphrase: 'correct-horse' });

    expect(encrypted.privateKeyPem).to.match(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(encrypted.encrypted).to.equal(true);
    expect(loaded.format).to.equal('PEM PKCS#8, encrypted');
    expect(assertKeyMatchesCertificate(loaded.privateKey, encrypted.certificatePem).fingerprint).to.equal(encrypted.fingerprint);
  });

  const invalid: [string, Parameters<typeof generateKeyPairAndCertificate>[0], string][] = [
    ['1024 bits', { bits: 1024 }, 'bits'],
    ['8192 bits', { bits: 8192 }, 'bits'],
    ['NaN bits', { bits: Number.NaN }, 'bits'],
    ['0 days', { days: 0 }, 'days'],
    ['1.5 days', { days: 1.5 }, 'days'],
    ['a three-letter country', { subject: { country: 'DEU' } }, 'c'],
    ['an empty common name', { subject: { commonName: '  ' } }, 'cn'],
    ['a 65-character organization', { subject: { organization: 'x'.repeat(65) } }, 'o'],
  ];
  for (const [name, options, setting] of invalid) {
    it(`rejects ${name} with ERR_SETTING_INVALID`, async () => {
      const error = await settingError(options);

      expect(error.code).to.equal('ERR_SETTING_INVALID');
      expect(error.details.setting).to.equal(setting);
      expect(error.message).to.include(`--${setting}`);
    });
  }

  it('names the offered sizes when rejecting bits', async () => {
    expect((await settingError({ bits: 1024 })).message).to.include('2048').and.include('3072').and.include('4096');
  });

  it('raises TypeError for an empty passphrase', async () => {
    const error = await generateKeyPairAndCertificate({ passphrase: '' }).then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(error).to.be.instanceOf(TypeError);
  });
});
