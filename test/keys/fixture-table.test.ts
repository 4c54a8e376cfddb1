import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { assertKeyMatchesCertificate } from '../../src/cert/check.js';
import { inspectKeyFile } from '../../src/cert/inspect.js';
import { type ErrorCode } from '../../src/errors/catalogue.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { clearKeyCache } from '../../src/keys/key-cache.js';
import { loadPrivateKey } from '../../src/keys/load-key.js';
import { runSfjwt } from '../helpers/cli.js';
import { fixtureCertificate, fixtureCertPath, fixtureKeyPath } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { expectNoKeyMaterial, expectSignsVerifiably, keyFixture } from './support.js';

/** What the test does with one row of test/fixtures/keys/README.md. */
type Expectation =
  | { accept: true; passphrase?: string; keepsCertificate?: boolean }
  | { reject: ErrorCode }
  | { pairCheck: 'ERR_KEY_CERT_MISMATCH' }
  | { inspectWarns: RegExp };

const EXPECTATIONS: Record<string, Expectation> = {
  'pkcs8.pem': { accept: true },
  'pkcs1.pem': { accept: true },
  'pkcs8-encrypted.pem': { accept: true, passphrase: 'correct-horse' },
  'pkcs1-encrypted-legacy.pem': { accept: true, passphrase: 'correct-horse' },
  'env-literal-backslash-n.txt': { accept: true },
  'crlf.pem': { accept: true },
  'bom.pem': { accept: true },
  'oneline-spaces.txt': { accept: true },
  'der.key': { accept: true },
  'keystore.p12': { accept: true, passphrase: 'keystore-pass', keepsCertificate: true },
  'cert-as-key.pem': { reject: 'ERR_KEY_IS_CERTIFICATE' },
  'public-as-key.pem': { reject: 'ERR_KEY_IS_PUBLIC' },
  'rsa1024.pem': { reject: 'ERR_KEY_TOO_SHORT' },
  'ec-p256.pem': { reject: 'ERR_KEY_NOT_RSA' },
  'empty.pem': { reject: 'ERR_KEY_EMPTY' },
  'garbage.bin': { reject: 'ERR_KEY_UNRECOGNIZED' },
  'mismatch.crt': { pairCheck: 'ERR_KEY_CERT_MISMATCH' },
  'sha1.crt': { inspectWarns: /sha1WithRSAEncryption/ },
  'expired.crt': { inspectWarns: /expired on 2024-01-01.*still accepts/ },
};

/** File names in the first column of the README table. */
function readmeRows(): string[] {
  const readme = readFileSync(keyFixture('README.md'), 'utf8');
  return [...readme.matchAll(/^\| ([\w.-]+) \|/gm)].map((match) => match[1] ?? '').filter((name) => name !== 'file');
}

async function caught(promise: Promise<unknown>): Promise<SfjwtError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).to.be.instanceOf(SfjwtError);
  return error as SfjwtError;
}

describe('key fixtures README table', () => {
  beforeEach(() => clearKeyCache());

  it('has an expectation for every row', () => {
    expect(readmeRows().sort()).to.deep.equal(Object.keys(EXPECTATIONS).sort());
  });

  for (const [file, expectation] of Object.entries(EXPECTATIONS)) {
    describe(file, () => {
      if ('accept' in expectation) {
        defineAcceptTests(file, expectation.passphrase, expectation.keepsCertificate === true);
      } else if ('reject' in expectation) {
        defineRejectTests(file, expectation.reject);
      } else if ('pairCheck' in expectation) {
        definePairCheckTests(file);
      } else {
        defineInspectTests(file, expectation.inspectWarns);
      }
    });
  }
});

function defineAcceptTests(file: string, passphrase: string | undefined, keepsCertificate: boolean): void {
  const path = keyFixture(file);
  const withPassphrase = passphrase === undefined ? {} : { passphrase };

  it('loads from a path and signs verifiably', async () => {
    const loaded = await loadPrivateKey({ path, ...withPassphrase });

    expect(loaded.modulusLength).to.equal(2048);
    expect(loaded.encrypted).to.equal(passphrase !== undefined);
    expectSignsVerifiably(loaded.privateKey);
    if (keepsCertificate) {
      expect(loaded.certificatePem?.replace(/\r/g, '')).to.equal(fixtureCertificate.replace(/\r/g, ''));
    }
  });

  it('loads from bytes and signs verifiably', async () => {
    const loaded = await loadPrivateKey({ data: readFileSync(path), label: file, ...withPassphrase });

    expectSignsVerifiably(loaded.privateKey);
  });

  it('passes sfjwt cert check against pkcs8.crt', async () => {
    const env = passphrase === undefined ? {} : { SF_JWT_KEY_PASSPHRASE: passphrase };
    const run = await runSfjwt(['cert', 'check', '--key', path, '--cert', fixtureCertPath, '--json'], env);

    expect(run.exitCode, run.stderr + run.stdout).to.equal(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).to.include({ match: true, signatureVerified: true });
    expect(result.publicKeyFingerprint).to.equal(assertKeyMatchesCertificate(
      (await loadPrivateKey({ path: fixtureKeyPath })).privateKey,
      fixtureCertificate,
    ).publicKeyFingerprint);
    expectNoKeyMaterial(run.stdout + run.stderr);
  });

  if (!/\.(p12|key)$/.test(file)) {
    it('passes sfjwt cert check with the text in SF_JWT_KEY', async () => {
      const env = { SF_JWT_KEY: readFileSync(path, 'utf8'), ...(passphrase === undefined ? {} : { SF_JWT_KEY_PASSPHRASE: passphrase }) };
      const run = await runSfjwt(['cert', 'check', '--cert', fixtureCertPath, '--json'], env);

      expect(run.exitCode, run.stdout).to.equal(0);
      expect(JSON.parse(run.stdout)).to.include({ key: 'SF_JWT_KEY', signatureVerified: true });
    });
  }

  if (passphrase !== undefined) {
    defineEncryptedTests(file, passphrase);
  }
}

function defineEncryptedTests(file: string, passphrase: string): void {
  const path = keyFixture(file);

  it('without a passphrase raises ERR_KEY_ENCRYPTED naming the fix', async () => {
    const error = await caught(loadPrivateKey({ path }));

    expect(error.code).to.equal('ERR_KEY_ENCRYPTED');
    expect(error.message).to.include(path).and.include('SF_JWT_KEY_PASSPHRASE').and.include('--passphrase-file');
  });

  it('with a wrong passphrase raises ERR_KEY_PASSPHRASE_WRONG', async () => {
    const error = await caught(loadPrivateKey({ path, passphrase: `${passphrase}x` }));

    expect(error.code).to.equal('ERR_KEY_PASSPHRASE_WRONG');
    expect(error.message).to.include(path).and.not.include(passphrase);
  });

  it('through the CLI reads the passphrase from a file', async () => {
    const temp = await makeTempDir();
    try {
      const passphraseFile = join(temp.dir, 'passphrase');
      await import('node:fs/promises').then((fs) => fs.writeFile(passphraseFile, `${passphrase}\n`, { mode: 0o600 }));
      const args = ['cert', 'check', '--key', path, '--cert', fixtureCertPath, '--passphrase-file', passphraseFile];

      const run = await runSfjwt(args);

      expect(run.exitCode, run.stderr).to.equal(0);
      expect(run.stdout).to.include('belongs to');
    } finally {
      await temp.remove();
    }
  });

  it('through the CLI without a passphrase exits 3 with ERR_KEY_ENCRYPTED', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', path, '--cert', fixtureCertPath]);

    expect(run.exitCode).to.equal(3);
    expect(run.stderr).to.include('ERR_KEY_ENCRYPTED');
  });

  it('through the CLI with a wrong passphrase exits 3 with ERR_KEY_PASSPHRASE_WRONG', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', path, '--cert', fixtureCertPath], { SF_JWT_KEY_PASSPHRASE: 'nope' });

    expect(run.exitCode).to.equal(3);
    expect(run.stderr).to.include('ERR_KEY_PASSPHRASE_WRONG');
    expect(run.stderr).not.to.include('nope');
  });
}

function defineRejectTests(file: string, code: ErrorCode): void {
  const path = keyFixture(file);

  it(`the library raises ${code} without key material`, async () => {
    const error = await caught(loadPrivateKey({ path }));

    expect(error.code).to.equal(code);
    expect(error.message).to.include(path);
    expect(error.actions.length).to.be.greaterThan(0);
    expectNoKeyMaterial(`${error.message}\n${error.actions.join('\n')}\n${JSON.stringify(error)}`, 'error');
  });

  it(`the CLI exits 3 with ${code}, human and JSON`, async () => {
    const human = await runSfjwt(['cert', 'check', '--key', path, '--cert', fixtureCertPath]);
    const json = await runSfjwt(['cert', 'check', '--key', path, '--cert', fixtureCertPath, '--json']);

    expect(human.exitCode).to.equal(3);
    expect(human.stderr).to.include(`Error ${code}:`).and.include(path);
    expect(json.exitCode).to.equal(3);
    expect((JSON.parse(json.stdout) as { error: { code: string } }).error.code).to.equal(code);
    expectNoKeyMaterial(human.stdout + human.stderr + json.stdout + json.stderr);
  });

  it('the key given through SF_JWT_KEY gets the same code', async () => {
    const content = readFileSync(path, 'utf8');
    const run = await runSfjwt(['cert', 'check', '--cert', fixtureCertPath, '--json'], { SF_JWT_KEY: content });

    // The empty file leaves SF_JWT_KEY empty, which counts as unset.
    const expected = content === '' ? 'ERR_SETTING_MISSING' : code;
    expect((JSON.parse(run.stdout) as { error: { code: string } }).error.code).to.equal(expected);
  });
}

function definePairCheckTests(file: string): void {
  const path = keyFixture(file);

  it('the library raises ERR_KEY_CERT_MISMATCH with both fingerprints', async () => {
    const { privateKey, publicKeyFingerprint } = await loadPrivateKey({ path: fixtureKeyPath });
    const mismatched = readFileSync(path, 'utf8');
    let error: unknown;
    try {
      assertKeyMatchesCertificate(privateKey, mismatched);
    } catch (caughtError) {
      error = caughtError;
    }

    expect(error).to.be.instanceOf(SfjwtError);
    const coded = error as SfjwtError;
    expect(coded.code).to.equal('ERR_KEY_CERT_MISMATCH');
    expect(coded.message).to.include(publicKeyFingerprint);
    expect(coded.message).to.include(String(coded.details.certificateKeyFingerprint)).and.include('SubjectPublicKeyInfo');
    expect(coded.details.certificateKeyFingerprint).not.to.equal(publicKeyFingerprint);
  });

  it('sfjwt cert check exits 3 and shows both fingerprints', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', fixtureKeyPath, '--cert', path]);

    expect(run.exitCode).to.equal(3);
    expect(run.stderr).to.include('ERR_KEY_CERT_MISMATCH').and.include('does not belong');
    expect(run.stderr.match(/([0-9A-F]{2}:){31}[0-9A-F]{2}/g)).to.have.length(2);
  });
}

function defineInspectTests(file: string, warning: RegExp): void {
  const path = keyFixture(file);

  it('inspection warns and describes the certificate', async () => {
    const inspection = await inspectKeyFile(path);

    expect(inspection.kind).to.equal('certificate');
    expect(inspection.warnings.some((text) => warning.test(text)), inspection.warnings.join('\n')).to.equal(true);
  });

  it('sfjwt cert inspect exits 0 with the warning', async () => {
    const run = await runSfjwt(['cert', 'inspect', path]);

    expect(run.exitCode).to.equal(0);
    expect(run.stderr).to.match(/Warning: /).and.match(warning);
  });

  it('the key still passes sfjwt cert check against it', async () => {
    const run = await runSfjwt(['cert', 'check', '--key', fixtureKeyPath, '--cert', path]);

    expect(run.exitCode, run.stderr).to.equal(0);
  });
}
