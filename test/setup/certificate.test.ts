import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { MAX_CERTIFICATE_BYTES, readSetupCertificate } from '../../src/setup/certificate.js';
import { fixtureCertificate, fixturePath } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);

async function rejection(path: string): Promise<SfjwtError> {
  try {
    await readSetupCertificate(path);
  } catch (error) {
    if (error instanceof SfjwtError) {
      return error;
    }
    throw error;
  }
  throw new Error(`readSetupCertificate accepted ${path}`);
}

/** Lines of base64 body from a PEM file, to prove none of them leaked into an error. */
async function bodyLines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text.split(/\r?\n/).filter((line) => line.length > 20 && !line.startsWith('-----'));
}

describe('setup certificate check', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  before(async () => {
    temp = await makeTempDir('sfjwt-setup-cert-');
  });
  after(async () => temp.remove());

  it('accepts a PEM certificate and reports its fingerprint', async () => {
    const certificate = await readSetupCertificate(fixturePath('keys', 'pkcs8.crt'));
    expect(certificate.pem).to.equal(`${fixtureCertificate.trim()}\n`);
    expect(certificate.fingerprint256).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(certificate.expired).to.equal(false);
  });

  it('flags an expired certificate without rejecting it', async () => {
    const certificate = await readSetupCertificate(fixturePath('keys', 'expired.crt'));
    expect(certificate.expired).to.equal(true);
    expect(certificate.notAfter.startsWith('2024-01-01')).to.equal(true);
  });

  it('normalizes CRLF and BOM', async () => {
    const path = join(temp.dir, 'crlf.crt');
    await writeFile(path, `\uFEFF${fixtureCertificate.replace(/\n/g, '\r\n')}`);
    const certificate = await readSetupCertificate(path);
    expect(certificate.pem).to.equal(`${fixtureCertificate.trim()}\n`);
  });

  for (const name of ['pkcs8.pem', 'pkcs1.pem', 'pkcs8-encrypted.pem', 'ec-p256.pem', 'der.key']) {
    it(`rejects the private key ${name} without printing it`, async () => {
      const path = fixturePath('keys', name);
      const error = await rejection(path);
      expect(error.code).to.equal('ERR_SETUP_CERT_IS_PRIVATE_KEY');
      expect(error.exitCode).to.equal(3);
      const shown = `${error.message}\n${JSON.stringify(error.toJSON())}`;
      expect(shown).to.not.include('PRIVATE KEY-----\n');
      if (!name.endsWith('.key')) {
        for (const line of await bodyLines(path)) {
          expect(shown).to.not.include(line);
        }
      }
    });
  }

  it('rejects a file over 4 KB', async () => {
    const path = join(temp.dir, 'big.crt');
    await writeFile(path, `${'x'.repeat(MAX_CERTIFICATE_BYTES)}\n${fixtureCertificate}`);
    const error = await rejection(path);
    expect(error.code).to.equal('ERR_SETUP_CERT_TOO_LARGE');
    expect(error.message).to.include('4096');
  });

  it('rejects two certificates in one file', async () => {
    const path = join(temp.dir, 'chain.crt');
    await writeFile(path, `${fixtureCertificate}${await readFile(fixturePath('keys', 'mismatch.crt'), 'utf8')}`);
    const error = await rejection(path);
    expect(error.code).to.equal('ERR_CERT_INVALID');
    expect(error.message).to.include('2 certificates');
  });

  it('rejects a DER certificate and shows the conversion', async () => {
    const path = join(temp.dir, 'server.der');
    await run('openssl', ['x509', '-in', fixturePath('keys', 'pkcs8.crt'), '-outform', 'der', '-out', path]);
    const error = await rejection(path);
    expect(error.code).to.equal('ERR_CERT_INVALID');
    expect(error.actions.join(' ')).to.include('openssl x509 -inform der');
  });

  it('rejects a public key and random bytes', async () => {
    expect((await rejection(fixturePath('keys', 'public-as-key.pem'))).code).to.equal('ERR_CERT_INVALID');
    expect((await rejection(fixturePath('keys', 'garbage.bin'))).code).to.equal('ERR_CERT_INVALID');
  });

  it('rejects a damaged certificate', async () => {
    const path = join(temp.dir, 'damaged.crt');
    const lines = fixtureCertificate.trim().split('\n');
    await writeFile(path, [...lines.slice(0, 3), ...lines.slice(6)].join('\n'));
    expect((await rejection(path)).code).to.equal('ERR_CERT_INVALID');
  });

  it('rejects a certificate with an EC key', async () => {
    const keyPath = join(temp.dir, 'ec.key');
    const certPath = join(temp.dir, 'ec.crt');
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-subj', '/CN=ec', '-days', '1', '-keyout', keyPath, '-out', certPath]);
    expect((await rejection(certPath)).code).to.equal('ERR_KEY_NOT_RSA');
  });

  it('reports a missing file as ERR_FILE_READ', async () => {
    expect((await rejection(join(temp.dir, 'missing.crt'))).code).to.equal('ERR_FILE_READ');
  });
});
