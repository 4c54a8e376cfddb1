import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { expect } from 'chai';

import { clearKeyCache } from '../../src/keys/key-cache.js';
import { loadPrivateKey } from '../../src/keys/load-key.js';
import { fixtureCertificate } from '../helpers/fixtures.js';
import { expectSignsVerifiably, keyFixture } from './support.js';

const PKCS8 = readFileSync(keyFixture('pkcs8.pem'), 'utf8');
const LEGACY = readFileSync(keyFixture('pkcs1-encrypted-legacy.pem'), 'utf8');
const MISMATCH = readFileSync(keyFixture('mismatch.crt'), 'utf8');
const DER = createPrivateKey(PKCS8).export({ type: 'pkcs8', format: 'der' });

async function load(data: string | Buffer, passphrase?: string) {
  return loadPrivateKey({ data, label: 'SF_JWT_KEY', ...(passphrase === undefined ? {} : { passphrase }) });
}

describe('loadPrivateKey text repairs', () => {
  beforeEach(() => clearKeyCache());

  const cases: [string, string, RegExp | undefined][] = [
    ['double quotes', `"${PKCS8.trim()}"`, /quotes/],
    ['single quotes with a newline after', `'${PKCS8.trim()}'\n`, /quotes/],
    ['a JSON string value', JSON.stringify(PKCS8), /literal \\n/],
    ['double-escaped \\\\n', PKCS8.trim().replace(/\n/g, '\\\\n'), /literal \\n/],
    ['literal \\r\\n', PKCS8.trim().replace(/\n/g, '\\r\\n'), /literal \\n/],
    ['indentation of a YAML block', PKCS8.replace(/^/gm, '    '), /indentation/],
    ['tabs', PKCS8.replace(/^/gm, '\t'), /indentation/],
    ['BOM, CRLF and quotes together', `\uFEFF"${PKCS8.trim().replace(/\n/g, '\r\n')}"`, /byte order mark/],
    ['base64 of the whole PEM file', Buffer.from(PKCS8).toString('base64'), /base64-encoded PEM/],
    ['base64 of the DER', DER.toString('base64'), /base64 text into DER/],
    ['wrapped base64 of the DER', DER.toString('base64').replace(/(.{76})/g, '$1\n'), /base64 text into DER/],
    ['text before and after the block', `Bag Attributes\n    localKeyId: 01\n${PKCS8}trailing notes\n`, undefined],
  ];
  for (const [name, text, repair] of cases) {
    it(`accepts ${name}`, async () => {
      const loaded = await load(text);

      expectSignsVerifiably(loaded.privateKey);
      if (repair !== undefined) {
        expect(loaded.repairs.join('\n')).to.match(repair);
      }
    });
  }

  it('accepts an OpenSSL-encrypted key with spaces for newlines', async () => {
    const loaded = await load(LEGACY.replace(/\n/g, ' '), 'correct-horse');

    expect(loaded.format).to.equal('PEM PKCS#1, OpenSSL traditional encryption');
    expectSignsVerifiably(loaded.privateKey);
  });

  it('accepts an OpenSSL-encrypted key with literal \\n', async () => {
    const loaded = await load(LEGACY.replace(/\n/g, '\\n'), 'correct-horse');

    expectSignsVerifiably(loaded.privateKey);
  });

  it('keeps the certificate that follows the key', async () => {
    const loaded = await load(`${PKCS8}${fixtureCertificate}`);

    expectSignsVerifiably(loaded.privateKey);
    expect(loaded.certificatePem).to.equal(fixtureCertificate.replace(/\r/g, ''));
    expect(loaded.warnings).to.deep.equal([]);
  });

  it('keeps the certificate that precedes the key', async () => {
    const loaded = await load(`${fixtureCertificate}${PKCS8}`);

    expect(loaded.certificatePem).to.equal(fixtureCertificate);
  });

  it('picks the matching certificate from a chain', async () => {
    const loaded = await load(`${PKCS8}${MISMATCH}${fixtureCertificate}`);

    expect(loaded.certificatePem).to.equal(fixtureCertificate);
  });

  it('ignores a certificate of another key with a warning', async () => {
    const loaded = await load(`${PKCS8}${MISMATCH}`);

    expect(loaded.certificatePem).to.equal(undefined);
    expect(loaded.warnings.join('\n')).to.match(/does not belong to its private key/);
  });

  it('uses the first of two keys with a warning', async () => {
    const loaded = await load(`${PKCS8}${readFileSync(keyFixture('rsa1024.pem'), 'utf8')}`);

    expectSignsVerifiably(loaded.privateKey);
    expect(loaded.warnings.join('\n')).to.match(/2 private keys; sfjwt uses the first/);
  });

  it('reads a PKCS#8 body under an RSA PRIVATE KEY label', async () => {
    const mislabelled = PKCS8.replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY');

    expectSignsVerifiably((await load(mislabelled)).privateKey);
  });

  it('reads a Uint8Array', async () => {
    expectSignsVerifiably((await load(Buffer.from(PKCS8))).privateKey);
  });

  it('reports PEM PKCS#1 and DER formats', async () => {
    expect((await load(readFileSync(keyFixture('pkcs1.pem')))).format).to.equal('PEM PKCS#1');
    expect((await load(DER)).format).to.equal('DER PKCS#8');
    expect((await load(createPrivateKey(PKCS8).export({ type: 'pkcs1', format: 'der' }))).format).to.equal('DER PKCS#1');
  });

  it('reads encrypted DER PKCS#8', async () => {
    const der = createPrivateKey(PKCS8).export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'pw' });
    const loaded = await load(der, 'pw');

    expect(loaded.format).to.equal('DER PKCS#8, encrypted');
    expectSignsVerifiably(loaded.privateKey);
  });
});
