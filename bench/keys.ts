// Key loader benchmarks. (1) RS256 signing with the KeyObject that loadPrivateKey returns, through
// the library signer (signAssertion, jsonwebtoken) against raw crypto.sign over the same header and
// claims with the same KeyObject. (2) Load time per input format, without and with the cache.
// Run: npx tsc -p tsconfig.test.json && node build/bench/keys.js [seconds]
import { readFileSync } from 'node:fs';
import { sign } from 'node:crypto';
import { resolve } from 'node:path';

import { buildClaims } from '../src/jwt/claims.js';
import { signAssertion } from '../src/jwt/sign.js';
import { clearKeyCache } from '../src/keys/key-cache.js';
import { loadPrivateKey } from '../src/keys/load-key.js';
import { machineLine, median, rate } from './measure.js';

const seconds = Number(process.argv[2] ?? 3);
const fixture = (name: string): Buffer => readFileSync(resolve('test/fixtures/keys', name));
const claimsInput = { clientId: '3MVG9benchmark', username: 'bench@example.com', audience: 'https://login.salesforce.com' };


async function signing(): Promise<void> {
  const { privateKey } = await loadPrivateKey({ data: fixture('pkcs8.pem') });
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const raw = (): void => {
    const signingInput = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(buildClaims(claimsInput))}`;
    void `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
  };
  const library = (): void => void signAssertion(buildClaims(claimsInput), privateKey);
  const rawRate = rate(raw, seconds);
  const libraryRate = rate(library, seconds);
  console.log(`signing with the loaded key, ${seconds} s each, one run`);
  console.log(`  raw crypto.sign   ${rawRate.toFixed(0)} signatures/s`);
  console.log(`  signAssertion     ${libraryRate.toFixed(0)} signatures/s`);
  console.log(`  ratio ${(libraryRate / rawRate).toFixed(3)} (target: 0.9 or better)`);
}

const FORMATS: [string, Buffer, string | undefined][] = [
  ['PEM PKCS#8', fixture('pkcs8.pem'), undefined],
  ['PEM PKCS#1', fixture('pkcs1.pem'), undefined],
  ['PEM PKCS#8, encrypted', fixture('pkcs8-encrypted.pem'), 'correct-horse'],
  ['PEM PKCS#1, OpenSSL traditional encryption', fixture('pkcs1-encrypted-legacy.pem'), 'correct-horse'],
  ['DER PKCS#8', fixture('der.key'), undefined],
  ['PEM with literal \\n', fixture('env-literal-backslash-n.txt'), undefined],
  ['PEM with spaces for newlines', fixture('oneline-spaces.txt'), undefined],
  ['PKCS#12 (AES-256, PBKDF2)', fixture('keystore.p12'), 'keystore-pass'],
  ['PKCS#12 legacy (RC2-40, 3DES)', readFileSync(resolve('test/keys/fixtures/legacy-rc2.p12')), 'legacy-pass'],
];

async function timeLoad(data: Buffer, passphrase: string | undefined, cold: boolean): Promise<number> {
  if (cold) {
    clearKeyCache();
  }
  const start = process.hrtime.bigint();
  await loadPrivateKey({ data, ...(passphrase === undefined ? {} : { passphrase }) });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function loading(): Promise<void> {
  console.log('load time per format, median of 30 loads, ms: first load (cache cleared) / cached');
  for (const [name, data, passphrase] of FORMATS) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < 30; round += 1) {
      cold.push(await timeLoad(data, passphrase, true));
      warm.push(await timeLoad(data, passphrase, false));
    }
    console.log(`  ${name.padEnd(44)} ${median(cold).toFixed(3).padStart(8)} / ${median(warm).toFixed(3)}`);
  }
}

console.log(machineLine());
await signing();
await loading();
