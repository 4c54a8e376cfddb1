import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

import { expect } from 'chai';

import { assertKeyMatchesCertificate } from '../../src/cert/check.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { loadPrivateKey } from '../../src/keys/load-key.js';
import { runSfjwt } from '../helpers/cli.js';
import { fixtureCertPath, fixtureCertificate, fixtureKeyPath, mismatchCertificate } from '../helpers/fixtures.js';
import { keyFixture } from '../keys/support.js';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** SHA-256 of the SubjectPublicKeyInfo DER, computed by openssl for comparison. */
function opensslPublicKeyFingerprint(certificatePath: string): string {
  const spki = execFileSync('sh', ['-c', `openssl x509 -in '${certificatePath}' -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r`], {
    encoding: 'utf8',
  });
  return (spki.split(' ')[0] ?? '').toUpperCase().match(/../g)?.join(':') ?? '';
}

describe('assertKeyMatchesCertificate', () => {
  it('returns the certificate and public key fingerprints as openssl computes them', async () => {
    const { privateKey } = await loadPrivateKey({ path: fixtureKeyPath });

    const match = assertKeyMatchesCertificate(privateKey, fixtureCertificate);

    expect(match.fingerprint).to.equal(new X509Certificate(fixtureCertificate).fingerprint256);
    expect(match.publicKeyFingerprint).to.equal(opensslPublicKeyFingerprint(fixtureCertPath));
    expect(match.signatureVerified).to.equal(true);
  });

  it('accepts a DER certificate', async () => {
    const { privateKey } = await loadPrivateKey({ path: fixtureKeyPath });

    expect(assertKeyMatchesCertificate(privateKey, new X509Certificate(fixtureCertificate).raw).signatureVerified).to.equal(true);
  });

  it('raises ERR_KEY_CERT_MISMATCH with both fingerprints and labels', async () => {
    const { privateKey, publicKeyFingerprint } = await loadPrivateKey({ path: fixtureKeyPath });

    const error = thrown(() => assertKeyMatchesCertificate(privateKey, mismatchCertificate, { key: 'server.key', certificate: 'app.crt' }));

    expect(error).to.be.instanceOf(SfjwtError);
    const coded = error as SfjwtError;
    expect(coded.code).to.equal('ERR_KEY_CERT_MISMATCH');
    expect(coded.message).to.include('server.key').and.include('app.crt').and.include(publicKeyFingerprint);
    expect(coded.details.certificateKeyFingerprint).to.equal(opensslPublicKeyFingerprint(keyFixture('mismatch.crt')));
  });

  it('raises ERR_CERT_INVALID for bytes and text that are no certificate', async () => {
    const { privateKey } = await loadPrivateKey({ path: fixtureKeyPath });

    const bytes = thrown(() => assertKeyMatchesCertificate(privateKey, Buffer.from('x')));
    const text = thrown(() => assertKeyMatchesCertificate(privateKey, 'not a certificate'));

    expect((bytes as SfjwtError).code).to.equal('ERR_CERT_INVALID');
    expect((text as SfjwtError).code).to.equal('ERR_CERT_INVALID');
  });

  it('names a private key passed as the certificate, without its material', async () => {
    const { privateKey } = await loadPrivateKey({ path: fixtureKeyPath });
    const keyText = await readFile(fixtureKeyPath, 'utf8');

    const error = thrown(() => assertKeyMatchesCertificate(privateKey, keyText)) as SfjwtError;

    expect(error.code).to.equal('ERR_CERT_INVALID');
    expect(error.message).to.include('contains a private key');
    expect(error.message).not.to.include(keyText.split('\n')[1] ?? 'x');
  });

  it('raises TypeError for a public KeyObject or a missing certificate', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

    expect(thrown(() => assertKeyMatchesCertificate(publicKey, fixtureCertificate))).to.be.instanceOf(TypeError);
    expect(thrown(() => assertKeyMatchesCertificate('key' as never, fixtureCertificate))).to.be.instanceOf(TypeError);
    expect(thrown(() => assertKeyMatchesCertificate(publicKey as never, undefined as never))).to.be.instanceOf(TypeError);
  });
});

describe('sfjwt cert check', () => {
  it('prints both fingerprints and the test signature result', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', fixtureKeyPath, '--cert', fixtureCertPath]);

    expect(run.exitCode).to.equal(0);
    expect(run.stdout).to.include(`belongs to ${fixtureCertPath}`);
    expect(run.stdout).to.include(new X509Certificate(fixtureCertificate).fingerprint256);
    expect(run.stdout).to.include('RS256 test assertion');
    expect(run.stdout).not.to.match(/eyJ/);
  });

  it('reads the key path from SF_JWT_KEY_FILE', async () => {
    const run = await runSfjwt(['cert', 'check', '--cert', fixtureCertPath, '--json'], { SF_JWT_KEY_FILE: fixtureKeyPath });

    expect(run.exitCode, run.stdout).to.equal(0);
    expect(JSON.parse(run.stdout)).to.include({ key: fixtureKeyPath, match: true });
  });

  it('checks a keystore against its own certificate without --cert', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', keyFixture('keystore.p12'), '--json'], { SF_JWT_KEY_PASSPHRASE: 'keystore-pass' });

    expect(run.exitCode, run.stdout).to.equal(0);
    expect(JSON.parse(run.stdout)).to.include({ match: true, keyFormat: 'PKCS#12 keystore' });
  });

  it('asks for --cert when the key holds no certificate', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', fixtureKeyPath]);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('ERR_SETTING_MISSING').and.include('--cert');
  });

  it('asks for a key when none is given', async () => {
    const run = await runSfjwt(['cert', 'check', '--cert', fixtureCertPath]);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('SF_JWT_KEY_FILE');
  });

  it('exits 3 with ERR_CERT_INVALID when the files are swapped', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', fixtureKeyPath, '--cert', fixtureKeyPath]);

    expect(run.exitCode).to.equal(3);
    expect(run.stderr).to.include('ERR_CERT_INVALID');
  });

  it('exits 5 for a missing certificate file', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', fixtureKeyPath, '--cert', '/nonexistent.crt']);

    expect(run.exitCode).to.equal(5);
    expect(run.stderr).to.include('/nonexistent.crt');
  });
});
