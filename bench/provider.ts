// Cached getToken() calls per second against a baseline in the same run: an
// async function returning a value from a Map, the least a cache lookup costs.
// Run: npx tsc -p tsconfig.test.json && node build/bench/provider.js
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

import { startEmulator } from '../src/emulator/server.js';
import { createTokenProvider } from '../src/provider/token-provider.js';

const CALLS = 2_000_000;

async function measure(name: string, call: () => Promise<unknown>): Promise<{ name: string; callsPerSecond: number }> {
  for (let index = 0; index < 100_000; index += 1) {
    await call();
  }
  const started = process.hrtime.bigint();
  for (let index = 0; index < CALLS; index += 1) {
    await call();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, callsPerSecond: Math.round(CALLS / seconds) };
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

const baseline = await measure('async Map.get', async () => map.get(provider.cacheKey));
const cached = await measure('provider.getToken() (cached)', () => provider.getToken());
await emulator.close();

console.log(JSON.stringify({
  date: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
  calls: CALLS,
  runs: [cached, baseline],
  ratio: Number((cached.callsPerSecond / baseline.callsPerSecond).toFixed(3)),
  exchanges: emulator.state.stats.jwtExchanges,
}, null, 2));
