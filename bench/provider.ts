// Cached getToken() calls per second against a baseline in the same run: an
// async function returning a value from a Map, the least a cache lookup costs.
// The two alternate in rounds, so background load affects both alike.
// Run: npx tsc -p tsconfig.test.json && node build/bench/provider.js
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

import { startEmulator } from '../src/emulator/server.js';
import { createTokenProvider } from '../src/provider/token-provider.js';

const CALLS_PER_ROUND = 500_000;
const ROUNDS = 6;

/** Times `calls` sequential awaited calls, in seconds. */
async function time(call: () => Promise<unknown>, calls: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let index = 0; index < calls; index += 1) {
    await call();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Warms both functions up, then alternates them for ROUNDS rounds and returns calls per second. */
async function alternate(first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<[number, number]> {
  await time(first, 100_000);
  await time(second, 100_000);
  const seconds = [0, 0];
  for (let round = 0; round < ROUNDS; round += 1) {
    seconds[0]! += await time(first, CALLS_PER_ROUND);
    seconds[1]! += await time(second, CALLS_PER_ROUND);
  }
  const calls = CALLS_PER_ROUND * ROUNDS;
  return [Math.round(calls / seconds[0]!), Math.round(calls / seconds[1]!)];
}

const emulator = await startEmulator({
  config: {
    apps: [{ certificate: readFileSync(resolve('test/fixtures/keys/pkcs8.crt'), 'utf8'), profiles: ['Integration User'] }],
    users: [{ username: 'integration@example.com' }],
  },
});
const provider = createTokenProvider({
  clientId: emulator.config.apps[0]!.consumerKey,
  username: 'integration@example.com',
  privateKey: { path: resolve('test/fixtures/keys/pkcs8.pem') },
  loginUrl: emulator.url,
  audience: 'https://login.salesforce.com',
});
const warm = await provider.getToken();
const map = new Map([[provider.cacheKey, warm]]);

const [cachedRate, baselineRate] = await alternate(
  () => provider.getToken(),
  async () => map.get(provider.cacheKey),
);
await emulator.close();

console.log(JSON.stringify({
  date: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
  calls: CALLS_PER_ROUND * ROUNDS,
  runs: [
    { name: 'provider.getToken(), cached', callsPerSecond: cachedRate },
    { name: 'async Map.get', callsPerSecond: baselineRate },
  ],
  ratio: Number((cachedRate / baselineRate).toFixed(3)),
  exchanges: emulator.state.stats.jwtExchanges,
}, null, 2));
