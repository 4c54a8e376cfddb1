// Assertion signing throughput of the library (buildClaims + signAssertion, which calls
// jsonwebtoken) against raw crypto.sign over the same header and claims with the same KeyObject.
// Run: npx tsc -p tsconfig.test.json && node build/bench/signing.js [seconds]
import { generateKeyPairSync, sign } from 'node:crypto';

import { buildClaims } from '../src/jwt/claims.js';
import { signAssertion } from '../src/jwt/sign.js';
import { machineLine, rate } from './measure.js';

const seconds = Number(process.argv[2] ?? 3);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const input = { clientId: '3MVG9benchmark', username: 'bench@example.com', audience: 'https://login.salesforce.com' };


const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
function rawSign(): void {
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(buildClaims(input))}`;
  void `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
}
function librarySign(): void {
  void signAssertion(buildClaims(input), privateKey);
}

// Interleave two rounds of each so a frequency change or noisy neighbour hits both.
const raw = [rate(rawSign, seconds), 0];
const library = [rate(librarySign, seconds), 0];
raw[1] = rate(rawSign, seconds);
library[1] = rate(librarySign, seconds);
const rawRate = ((raw[0] as number) + (raw[1] as number)) / 2;
const libraryRate = ((library[0] as number) + (library[1] as number)) / 2;
console.log(machineLine());
console.log(`raw crypto.sign   ${rawRate.toFixed(0)} signatures/s`);
console.log(`signAssertion     ${libraryRate.toFixed(0)} signatures/s`);
console.log(`ratio ${(libraryRate / rawRate).toFixed(3)} (target: 0.9 or better)`);
