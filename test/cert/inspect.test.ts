import { X509Certificate, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { generateKeyPairAndCertificate } from '../../src/cert/generate.js';
import { inspectKeyData, inspectKeyFile } from '../../src/cert/inspect.js';
import { runSfjwt } from '../helpers/cli.js';
import { fixtureCertPath, fixtureCertificate } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { expectNoKeyMaterial, extraFixture, keyFixture } from '../keys/support.js';

function opensslFingerprint(path: string): string {
  return execFileSync('openssl', ['x509', '-in', path, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' })
    .trim()
    .replace(/^.*=/, '');
}

describe('inspectKeyFile', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    temp = await makeTempDir();
  });

  after(async () => {
    await temp.remove();
  });

  it('describes a PEM certificate as openssl does', async () => {
    const inspection = await inspectKeyFile(fixtureCertPath, { now: new Date('2026-12-10T00:00:00Z') });
    const [info] = inspection.certificates;

    expect(inspection).to.include({ kind: 'certificate', encoding: 'PEM', format: 'PEM X.509 certificate', encrypted: false });
    expect(info?.subject).to.equal('CN=Example Integration, O=Example Co');
    expect(info?.signatureAlgorithm).to.equal('sha256WithRSAEncryption');
    expect(info?.fingerprint).to.equal(opensslFingerprint(fixtureCertPath));
    expect(info).to.include({ keyType: 'rsa', keyBits: 2048, selfSigned: true, withinUploadLimit: true });
    expect(info?.pemBytes).to.be.lessThan(4096);
  });

  it('warns that a certificate is self-signed and nothing else when fresh', async () => {
    const inspection = await inspectKeyFile(fixtureCertPath, { now: new Date('2026-12-10T00:00:00Z') });

    expect(inspection.warnings).to.have.length(1);
    expect(inspection.warnings[0]).to.match(/self-signed. Salesforce accepts that/);
  });

  it('warns about a certificate expiring within 30 days', async () => {
    const pair = await generateKeyPairAndCertificate({ days: 10 });

    const inspection = await inspectKeyData(Buffer.from(pair.certificatePem), 'soon.crt');

    expect(inspection.warnings.join('\n')).to.match(/soon.crt expires in 9 days/);
  });

  it('warns about an expired certificate without failing', async () => {
    const inspection = await inspectKeyFile(keyFixture('expired.crt'));

    expect(inspection.certificates[0]?.daysRemaining).to.be.lessThan(0);
    expect(inspection.warnings.join('\n')).to.match(/expired on 2024-01-01T00:00:00.000Z. Salesforce still accepts/);
  });

  it('warns about a SHA-1 signature', async () => {
    const inspection = await inspectKeyFile(keyFixture('sha1.crt'));

    expect(inspection.certificates[0]?.signatureAlgorithm).to.equal('sha1WithRSAEncryption');
    expect(inspection.warnings.join('\n')).to.match(/sha1WithRSAEncryption, a broken hash/);
  });

  it('describes a DER certificate', async () => {
    const path = join(temp.dir, 'cert.der');
    await writeFile(path, new X509Certificate(fixtureCertificate).raw);

    const inspection = await inspectKeyFile(path);

    expect(inspection).to.include({ kind: 'certificate', encoding: 'DER', format: 'DER X.509 certificate' });
  });

  it('warns about a certificate over the 4 KB upload limit', async () => {
    const names = Array.from({ length: 150 }, (_value, index) => `DNS:host-${index}.integration.example.com`).join(',');
    const path = join(temp.dir, 'big.crt');
    execFileSync('openssl', ['req', '-x509', '-key', keyFixture('pkcs8.pem'), '-subj', '/CN=big', '-days', '1', '-addext', `subjectAltName=${names}`, '-out', path]);

    const inspection = await inspectKeyFile(path);

    expect(inspection.certificates[0]?.withinUploadLimit).to.equal(false);
    expect(inspection.warnings.join('\n')).to.match(/over Salesforce's 4096-byte upload limit/);
  });

  it('describes a private key without its material', async () => {
    const path = join(temp.dir, 'server.key');
    await copyFile(keyFixture('pkcs8.pem'), path);
    await chmod(path, 0o600);

    const inspection = await inspectKeyFile(path);

    expect(inspection).to.include({ kind: 'private-key', format: 'PEM PKCS#8', encrypted: false, locked: false });
    expect(inspection.privateKey).to.include({ type: 'rsa', bits: 2048 });
    expect(inspection.warnings).to.deep.equal([]);
    expectNoKeyMaterial(JSON.stringify(inspection));
  });

  it('adds the permission warning for a readable private key', async () => {
    const inspection = await inspectKeyFile(keyFixture('pkcs1.pem'));

    expect(inspection.warnings.join('\n')).to.match(/chmod 600/);
  });

  it('reports an encrypted key as locked without a passphrase', async () => {
    const inspection = await inspectKeyFile(keyFixture('pkcs8-encrypted.pem'));

    expect(inspection).to.include({ kind: 'private-key', encrypted: true, locked: true });
    expect(inspection.privateKey).to.equal(undefined);
  });

  it('opens an encrypted key with the passphrase', async () => {
    const inspection = await inspectKeyFile(keyFixture('pkcs1-encrypted-legacy.pem'), { passphrase: 'correct-horse' });

    expect(inspection).to.include({ encrypted: true, locked: false, format: 'PEM PKCS#1, OpenSSL traditional encryption' });
    expect(inspection.privateKey?.bits).to.equal(2048);
  });

  it('reports a keystore, locked and opened', async () => {
    const locked = await inspectKeyFile(keyFixture('keystore.p12'));
    const opened = await inspectKeyFile(keyFixture('keystore.p12'), { passphrase: 'keystore-pass' });

    expect(locked).to.include({ kind: 'keystore', encoding: 'DER', locked: true, encrypted: true });
    expect(opened).to.include({ kind: 'keystore', locked: false, format: 'PKCS#12 keystore' });
    expect(opened.certificates[0]?.subject).to.equal('CN=Example Integration, O=Example Co');
    expect(opened.privateKey?.publicKeyFingerprint).to.equal(opened.certificates[0]?.publicKeyFingerprint);
  });

  it('describes a public key', async () => {
    const inspection = await inspectKeyFile(keyFixture('public-as-key.pem'));

    expect(inspection).to.include({ kind: 'public-key', format: 'PEM SubjectPublicKeyInfo public key' });
    expect(inspection.publicKey?.bits).to.equal(2048);
  });

  it('describes an EC key with a warning instead of an error', async () => {
    const inspection = await inspectKeyFile(keyFixture('ec-p256.pem'));

    expect(inspection.privateKey?.type).to.equal('ec');
    expect(inspection.warnings.join('\n')).to.match(/only RS256/);
  });

  it('describes a 1024-bit key with a warning', async () => {
    const inspection = await inspectKeyData(await readFile(keyFixture('rsa1024.pem')), 'rsa1024.pem');

    expect(inspection.privateKey?.bits).to.equal(1024);
    expect(inspection.warnings.join('\n')).to.match(/2048 bits or more/);
  });

  it('describes a certificate request', async () => {
    expect((await inspectKeyFile(extraFixture('request.csr'))).kind).to.equal('certificate-request');
  });

  it('warns about an Ed25519 certificate key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const keyPath = join(temp.dir, 'ed.key');
    const certPath = join(temp.dir, 'ed.crt');
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    execFileSync('openssl', ['req', '-x509', '-key', keyPath, '-subj', '/CN=ed', '-days', '1', '-out', certPath]);

    const inspection = await inspectKeyFile(certPath);

    expect(inspection.certificates[0]?.signatureAlgorithm).to.equal('ED25519');
    expect(inspection.warnings.join('\n')).to.match(/ed25519 key; Salesforce's RS256 needs an RSA key/);
  });

  it('raises the loader code for garbage', async () => {
    const error = await inspectKeyFile(keyFixture('garbage.bin')).then(
      () => undefined,
      (reason: { code?: string }) => reason.code,
    );

    expect(error).to.equal('ERR_KEY_UNRECOGNIZED');
  });

  it('raises TypeError without a path string', async () => {
    const error = await inspectKeyFile(42 as unknown as string).then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(error).to.be.instanceOf(TypeError);
  });

  it('keeps the DER key material out of the JSON of a DER key', async () => {
    const der = createPrivateKey(await readFile(keyFixture('pkcs8.pem'))).export({ type: 'pkcs1', format: 'der' });

    const inspection = await inspectKeyData(der, 'key.der');

    expect(inspection.format).to.equal('DER PKCS#1');
    expectNoKeyMaterial(JSON.stringify(inspection));
  });
});

describe('sfjwt cert inspect', () => {
  it('prints the certificate details and exits 0 with warnings on stderr', async () => {
    const run = await runSfjwt(['cert', 'inspect', keyFixture('expired.crt')]);

    expect(run.exitCode).to.equal(0);
    expect(run.stdout).to.include('certificate (PEM X.509 certificate)').and.include('Signature algorithm: sha256WithRSAEncryption');
    expect(run.stdout).to.match(/SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(run.stdout).to.include("within Salesforce's 4096-byte limit");
    expect(run.stderr).to.match(/Warning: The certificate .* expired on/);
  });

  it('prints JSON with the warnings', async () => {
    const run = await runSfjwt(['cert', 'inspect', keyFixture('sha1.crt'), '--json']);
    const inspection = JSON.parse(run.stdout) as { kind: string; warnings: string[]; certificates: { signatureAlgorithm: string }[] };

    expect(run.exitCode).to.equal(0);
    expect(inspection.kind).to.equal('certificate');
    expect(inspection.certificates[0]?.signatureAlgorithm).to.equal('sha1WithRSAEncryption');
    expect(inspection.warnings.some((warning) => warning.includes('broken hash'))).to.equal(true);
  });

  it('tells to keep a private key secret and prints none of it', async () => {
    const run = await runSfjwt(['cert', 'inspect', keyFixture('bom.pem')]);

    expect(run.exitCode).to.equal(0);
    expect(run.stdout).to.include('private key (PEM PKCS#8)').and.include('keep it secret').and.include('byte order mark');
    expectNoKeyMaterial(run.stdout + run.stderr);
  });

  it('opens a keystore with SF_JWT_KEY_PASSPHRASE', async () => {
    const run = await runSfjwt(['cert', 'inspect', keyFixture('keystore.p12'), '--json'], { SF_JWT_KEY_PASSPHRASE: 'keystore-pass' });

    expect(run.exitCode).to.equal(0);
    expect(JSON.parse(run.stdout)).to.include({ kind: 'keystore', locked: false });
  });

  it('says how to open a locked key', async () => {
    const run = await runSfjwt(['cert', 'inspect', keyFixture('pkcs8-encrypted.pem')]);

    expect(run.exitCode).to.equal(0);
    expect(run.stdout).to.include('--passphrase-file');
  });

  it('exits 5 for a missing file', async () => {
    const run = await runSfjwt(['cert', 'inspect', '/nonexistent.crt']);

    expect(run.exitCode).to.equal(5);
    expect(run.stderr).to.include('ERR_FILE_READ');
  });

  it('exits 3 for a wrong passphrase', async () => {
    const run = await runSfjwt(['cert', 'inspect', keyFixture('pkcs8-encrypted.pem')], { SF_JWT_KEY_PASSPHRASE: 'wrong' });

    expect(run.exitCode).to.equal(3);
    expect(run.stderr).to.include('ERR_KEY_PASSPHRASE_WRONG');
  });
});
