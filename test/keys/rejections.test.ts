import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { clearKeyCache } from '../../src/keys/key-cache.js';
import { type KeySource, loadPrivateKey } from '../../src/keys/load-key.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { expectNoKeyMaterial, expectSignsVerifiably, extraFixture, keyFixture } from './support.js';

const PKCS8 = readFileSync(keyFixture('pkcs8.pem'), 'utf8');
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4Iiwic3ViIjoieSJ9.c2lnbmF0dXJlc2lnbmF0dXJl';

async function rejection(source: KeySource): Promise<SfjwtError> {
  const error = await loadPrivateKey(source).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'loadPrivateKey rejects').to.be.instanceOf(SfjwtError);
  const coded = error as SfjwtError;
  expectNoKeyMaterial(`${coded.message}\n${JSON.stringify(coded)}`, coded.code);
  return coded;
}

function bodyWithoutLine(index: number): string {
  const lines = PKCS8.split('\n');
  lines.splice(index, 1);
  return lines.join('\n');
}

describe('loadPrivateKey rejections', () => {
  beforeEach(() => clearKeyCache());

  const textCases: [string, string, string, RegExp][] = [
    ['a PEM without its END line', PKCS8.split('\n').slice(0, 10).join('\n'), 'ERR_KEY_MALFORMED', /no END line/],
    ['a BEGIN/END label mismatch', PKCS8.replace('END PRIVATE KEY', 'END RSA PRIVATE KEY'), 'ERR_KEY_MALFORMED', /ends with/],
    ['a body line with a stray character', PKCS8.replace(/\n(.)/, '\n!'), 'ERR_KEY_MALFORMED', /not valid base64/],
    ['a body missing a line', bodyWithoutLine(5), 'ERR_KEY_MALFORMED', /does not parse|not valid base64|not a private key/],
    ['an empty block', '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n', 'ERR_KEY_MALFORMED', /empty/],
    ['a BEGIN line with four hyphens', PKCS8.replace(/-----/g, '----'), 'ERR_KEY_MALFORMED', /five hyphens/],
    ['a signed JWT', JWT, 'ERR_KEY_IS_JWT', /signed JWT/],
    ['a file path in SF_JWT_KEY', 'certs/server.key', 'ERR_KEY_UNRECOGNIZED', /SF_JWT_KEY_FILE/],
    ['plain text', 'hello world, this is not a key', 'ERR_KEY_UNRECOGNIZED', /not a key/],
    ['whitespace only', ' \n\t\n', 'ERR_KEY_EMPTY', /empty/],
    ['only quotes', '""', 'ERR_KEY_EMPTY', /empty/],
    ['an OpenSSH public key', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC user@host', 'ERR_KEY_IS_PUBLIC', /public key/],
    ['a PuTTY key', 'PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n', 'ERR_KEY_FORMAT_UNSUPPORTED', /puttygen/],
    ['a PGP block', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nAAAA\n-----END PGP PRIVATE KEY BLOCK-----', 'ERR_KEY_UNRECOGNIZED', /PGP PRIVATE KEY BLOCK/],
    ['Proc-Type without DEK-Info', readFileSync(keyFixture('pkcs1-encrypted-legacy.pem'), 'utf8').replace(/DEK-Info.*\n/, ''), 'ERR_KEY_MALFORMED', /DEK-Info/],
  ];
  for (const [name, data, code, message] of textCases) {
    it(`rejects ${name} with ${code}`, async () => {
      const error = await rejection({ data, label: 'SF_JWT_KEY' });

      expect(error.code).to.equal(code);
      expect(error.message).to.match(message).and.include('SF_JWT_KEY');
    });
  }

  const fileCases: [string, string, string | undefined, string][] = [
    ['a legacy keystore with a wrong password', 'legacy-rc2.p12', 'wrong', 'ERR_KEY_PASSPHRASE_WRONG'],
    ['a keystore holding only certificates', 'certs-only.p12', 'keystore-pass', 'ERR_KEY_KEYSTORE_EMPTY'],
    ['a keystore holding an EC key', 'ec.p12', 'keystore-pass', 'ERR_KEY_NOT_RSA'],
    ['a DES-encrypted PKCS#8 key', 'des-pkcs8.pem', 'correct-horse', 'ERR_KEY_FORMAT_UNSUPPORTED'],
    ['a certificate signing request', 'request.csr', undefined, 'ERR_KEY_IS_CERTIFICATE'],
    ['an OpenSSH private key', 'openssh.key', undefined, 'ERR_KEY_FORMAT_UNSUPPORTED'],
  ];
  for (const [name, file, passphrase, code] of fileCases) {
    it(`rejects ${name} with ${code}`, async () => {
      const error = await rejection({ path: extraFixture(file), ...(passphrase === undefined ? {} : { passphrase }) });

      expect(error.code).to.equal(code);
      expect(error.message).to.include(file);
    });
  }

  it('names the conversion command for DES and OpenSSH keys', async () => {
    expect((await rejection({ path: extraFixture('des-pkcs8.pem'), passphrase: 'correct-horse' })).message).to.include('openssl pkcs8 -topk8');
    expect((await rejection({ path: extraFixture('openssh.key') })).message).to.include('ssh-keygen -p -m PKCS8');
  });

  it('rejects a certificate request as DER', async () => {
    const pem = await readFile(extraFixture('request.csr'), 'utf8');
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');

    expect((await rejection({ data: der })).code).to.equal('ERR_KEY_IS_CERTIFICATE');
  });

  it('rejects an Ed25519 key with ERR_KEY_NOT_RSA', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const error = await rejection({ data: privateKey.export({ type: 'pkcs8', format: 'pem' }) });

    expect(error.code).to.equal('ERR_KEY_NOT_RSA');
    expect(error.message).to.include('Ed25519');
  });

  it('rejects an RSA-PSS key with ERR_KEY_NOT_RSA', async () => {
    const { privateKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    const error = await rejection({ data: privateKey.export({ type: 'pkcs8', format: 'pem' }) });

    expect(error.code).to.equal('ERR_KEY_NOT_RSA');
    expect(error.message).to.include('RSA-PSS');
  });

  it('rejects a key whose numbers were changed with ERR_KEY_MALFORMED', async () => {
    const jwk = createPrivateKey(PKCS8).export({ format: 'jwk' });
    const damaged = { ...jwk, d: `${(jwk.d ?? '').slice(0, -4)}AAAA`, dp: `${(jwk.dp ?? '').slice(0, -4)}AAAA` };
    const der = createPrivateKey({ key: damaged, format: 'jwk' }).export({ type: 'pkcs1', format: 'der' });

    expect((await rejection({ data: der })).code).to.equal('ERR_KEY_MALFORMED');
  });

  describe('files', () => {
    it('raises ERR_FILE_READ for a missing file', async () => {
      const error = await rejection({ path: '/nonexistent/server.key' });

      expect(error.code).to.equal('ERR_FILE_READ');
      expect(error.message).to.include('/nonexistent/server.key').and.include('ENOENT');
    });

    it('raises ERR_FILE_READ for a directory', async () => {
      const temp = await makeTempDir();
      try {
        const error = await rejection({ path: temp.dir });

        expect(error.code).to.equal('ERR_FILE_READ');
        expect(error.message).to.include('directory');
      } finally {
        await temp.remove();
      }
    });

    it('raises ERR_FILE_READ for an unreadable file', async function skipAsRoot() {
      if (process.getuid?.() === 0) {
        this.skip();
      }
      const temp = await makeTempDir();
      try {
        const path = join(temp.dir, 'server.key');
        await writeFile(path, PKCS8, { mode: 0o000 });

        expect((await rejection({ path })).message).to.include('EACCES');
      } finally {
        await temp.remove();
      }
    });

    it('rejects a file over 1 MiB with ERR_KEY_UNRECOGNIZED', async () => {
      const temp = await makeTempDir();
      try {
        const path = join(temp.dir, 'big.pem');
        await writeFile(path, Buffer.alloc(1024 * 1024 + 1, 0x41));

        expect((await rejection({ path })).message).to.include('1 MiB');
      } finally {
        await temp.remove();
      }
    });

    it('reads a file under a folder named like a key', async () => {
      const temp = await makeTempDir();
      try {
        await mkdir(join(temp.dir, 'server.key'));
        await writeFile(join(temp.dir, 'server.key', 'key.pem'), PKCS8, { mode: 0o600 });

        expectSignsVerifiably((await loadPrivateKey({ path: join(temp.dir, 'server.key', 'key.pem') })).privateKey);
      } finally {
        await temp.remove();
      }
    });
  });

  describe('API misuse', () => {
    it('raises ERR_SETTING_MISSING for an empty source', async () => {
      expect((await rejection({})).code).to.equal('ERR_SETTING_MISSING');
    });

    const misuses: [string, unknown][] = [
      ['no object', undefined],
      ['both path and data', { path: 'a', data: 'b' }],
      ['a numeric path', { path: 1 }],
      ['a numeric data', { data: 42 }],
      ['a numeric passphrase', { data: PKCS8, passphrase: 1234 }],
    ];
    for (const [name, source] of misuses) {
      it(`raises TypeError for ${name}`, async () => {
        const error = await loadPrivateKey(source as KeySource).then(
          () => undefined,
          (reason: unknown) => reason,
        );

        expect(error).to.be.instanceOf(TypeError);
      });
    }
  });
});

describe('loadPrivateKey keystores', () => {
  beforeEach(() => clearKeyCache());

  it('reads a legacy RC2/3DES keystore with its password', async () => {
    const loaded = await loadPrivateKey({ path: extraFixture('legacy-rc2.p12'), passphrase: 'legacy-pass' });

    expect(loaded.format).to.equal('PKCS#12 keystore');
    expect(loaded.certificatePem).to.include('BEGIN CERTIFICATE');
    expectSignsVerifiably(loaded.privateKey);
  });

  it('reads a keystore with an empty password without a passphrase', async () => {
    expectSignsVerifiably((await loadPrivateKey({ path: extraFixture('empty-password.p12') })).privateKey);
  });

  it('asks for the passphrase of a legacy keystore', async () => {
    expect((await rejection({ path: extraFixture('legacy-rc2.p12') })).code).to.equal('ERR_KEY_ENCRYPTED');
  });
});
