import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled tests run from build/test/helpers; the fixtures stay in the source tree.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Absolute path of a file under test/fixtures. */
export function fixturePath(...parts: string[]): string {
  return join(root, 'test', 'fixtures', ...parts);
}

/** The repository root. */
export const repositoryRoot = root;

/** The matching key pair of the key fixtures: pkcs8.pem and pkcs8.crt. */
export const fixtureKeyPath = fixturePath('keys', 'pkcs8.pem');
export const fixtureCertPath = fixturePath('keys', 'pkcs8.crt');
export const fixtureCertificate = readFileSync(fixtureCertPath, 'utf8');
export const fixturePrivateKey: KeyObject = createPrivateKey(readFileSync(fixtureKeyPath));
/** A certificate of another key. */
export const mismatchCertificate = readFileSync(fixturePath('keys', 'mismatch.crt'), 'utf8');

/**
 * Copies pkcs8.pem with mode 0600 into a temporary folder, because git
 * checks fixtures out world-readable and the loader warns about that.
 */
export function privateFixtureKeyPath(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sfjwt-key-')), 'server.key');
  writeFileSync(path, readFileSync(fixtureKeyPath), { mode: 0o600 });
  return path;
}
