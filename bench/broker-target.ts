// Child process of bench/broker.ts: serves either the broker on a warm token
// cache or a bare node:http server that returns a fixed JSON body, and sends
// its URL (and the broker's response body) to the parent over IPC.
import { openSync, readFileSync, writeSync } from 'node:fs';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { batchedLog } from '../src/broker/batched-log.js';
import { readBrokerConfig } from '../src/broker/config.js';
import { startBroker } from '../src/broker/server.js';
import { startEmulator } from '../src/emulator/server.js';

const BENCH_SECRET = 'bench-local-secret';
const BENCH_USER = 'integration@example.com';

async function serveBroker(): Promise<void> {
  const emulator = await startEmulator({
    config: {
      apps: [{ certificate: readFileSync(resolve('test/fixtures/keys/pkcs8.crt'), 'utf8'), profiles: ['Integration User'] }],
      users: [{ username: BENCH_USER }],
    },
  });
  const dir = await mkdtemp(join(tmpdir(), 'sfjwt-bench-'));
  const configPath = join(dir, 'broker.json');
  await writeFile(configPath, JSON.stringify({
    localSecret: { env: 'SFJWT_BENCH_SECRET' },
    clients: [{
      clientId: emulator.config.apps[0]!.consumerKey,
      keyFile: resolve('test/fixtures/keys/pkcs8.pem'),
      loginUrl: emulator.url,
      audience: 'https://login.salesforce.com',
      usernames: [BENCH_USER],
    }],
  }));
  // The broker logs every request as `sfjwt broker 2>>broker.log` does: lines
  // batched per event-loop turn, written synchronously (as Node writes to files), here to /dev/null.
  const sink = openSync('/dev/null', 'w');
  const logger = batchedLog((text) => writeSync(sink, text));
  const broker = await startBroker({
    config: await readBrokerConfig(configPath, { SFJWT_BENCH_SECRET: BENCH_SECRET }),
    log: logger.log,
  });
  process.send?.({ url: broker.url, clientId: emulator.config.apps[0]!.consumerKey });
}

function serveBare(body: string): void {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
}

const mode = process.argv[2];
if (mode === 'broker') {
  await serveBroker();
} else {
  serveBare(process.argv[3] ?? '{}');
}
// A clean exit on SIGINT lets `--cpu-prof` write its profile.
process.on('SIGINT', () => process.exit(0));
// The parent requests this process's CPU time (user plus system, in microseconds) around each round.
process.on('message', (message) => {
  if (message === 'cpu') {
    const usage = process.cpuUsage();
    process.send?.({ cpuMicros: usage.user + usage.system });
  }
});
