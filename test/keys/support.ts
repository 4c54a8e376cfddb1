import { type KeyObject, X509Certificate, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { signAssertion } from '../../src/jwt/sign.js';
import { fixtureCertificate, fixturePath, repositoryRoot } from '../helpers/fixtures.js';

/** Path of a file in test/fixtures/keys. */
export function keyFixture(name: string): string {
  return fixturePath('keys', name);
}

/** Path of a file in test/keys/fixtures (the loader's extra inputs). */
export function extraFixture(name: string): string {
  return join(repositoryRoot, 'test', 'keys', 'fixtures', name);
}

export const certificatePublicKey: KeyObject = new X509Certificate(fixtureCertificate).publicKey;

const CLAIMS = { iss: '3MVG9test', sub: 'integration@example.com', aud: 'https://login.salesforce.com', exp: 2000000000 };

/**
 * Signs an assertion the way the library does and verifies its RS256
 * signature with node:crypto against the public key of pkcs8.crt.
 */
export function expectSignsVerifiably(privateKey: KeyObject): void {
  const assertion = signAssertion(CLAIMS, privateKey);
  const [header = '', payload = '', signature = ''] = assertion.split('.');
  const valid = verify('sha256', Buffer.from(`${header}.${payload}`), certificatePublicKey, Buffer.from(signature, 'base64url'));
  expect(valid, 'signature verifies against pkcs8.crt').to.equal(true);
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).to.include({ alg: 'RS256' });
  expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).to.deep.equal(CLAIMS);
}

function bodyLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.includes('-----') && !line.includes(':'));
}

/** Base64 lines of every private key fixture: none may appear in any output. */
export const KEY_BODY_LINES: readonly string[] = [
  ...['pkcs8.pem', 'pkcs1.pem', 'pkcs8-encrypted.pem', 'pkcs1-encrypted-legacy.pem', 'rsa1024.pem', 'ec-p256.pem'].flatMap(
    (name) => bodyLines(keyFixture(name)),
  ),
  readFileSync(keyFixture('garbage.bin')).toString('base64').slice(0, 24),
  readFileSync(keyFixture('garbage.bin')).toString('hex').slice(0, 24),
  readFileSync(keyFixture('der.key')).toString('base64').slice(0, 24),
];

/** Fails when `text` contains a line of any key fixture's body. */
export function expectNoKeyMaterial(text: string, context = 'output'): void {
  const leaked = KEY_BODY_LINES.filter((line) => text.includes(line));
  expect(leaked, `${context} contains key material`).to.deep.equal([]);
  expect(text, context).not.to.match(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
}
