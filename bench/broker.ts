// Broker throughput on cached tokens against a bare node:http server that
// returns a fixed JSON body of the same size, driven by the same load tool
// with the same settings. Each server runs in its own child process, pinned
// to CPU 1 while the load tool runs on CPU 0 (taskset), so neither steals the
// other's core. The load alternates between the two servers in short rounds,
// so a change in background load on the machine affects both alike. Each
// server's rate is its total requests over its total time.
// Run: npx tsc -p tsconfig.test.json && node build/bench/broker.js [wrk|autocannon]
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runAutocannon, runWrk, type LoadResult } from './load-tools.js';

const TARGET = fileURLToPath(new URL('./broker-target.js', import.meta.url));
const CONNECTIONS = 64;
const MIN_REQUESTS = 100_000;
const ROUNDS = 8;
const WRK_SECONDS_PER_ROUND = 2;
const SECRET = 'bench-local-secret';
const USER = 'integration@example.com';
const tool = process.argv[2] === 'autocannon' ? 'autocannon' : 'wrk';
const pinned = cpus().length >= 2 && hasCommand('taskset');

interface Target {
  child: ChildProcess;
  url: string;
  clientId?: string;
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function startTarget(args: string[]): Promise<Target> {
  const child = pinned
    ? fork(TARGET, args, { stdio: 'inherit', execPath: 'taskset', execArgv: ['-c', '1', process.execPath] })
    : fork(TARGET, args, { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('message', (message) => resolve({ child, ...(message as { url: string; clientId?: string }) }));
  });
}

async function load(url: string, form: string, warmUp: boolean): Promise<LoadResult> {
  const tokenUrl = `${url}/services/oauth2/token`;
  if (tool === 'autocannon') {
    return runAutocannon(tokenUrl, form, CONNECTIONS, warmUp ? 5_000 : Math.ceil(MIN_REQUESTS / ROUNDS) + 1_000);
  }
  const script = join(tmpdir(), 'sfjwt-bench-post.lua');
  writeFileSync(script, `wrk.method = "POST"\nwrk.body = "${form}"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n`);
  return runWrk(tokenUrl, script, CONNECTIONS, warmUp ? 1 : WRK_SECONDS_PER_ROUND, pinned ? '0' : undefined);
}

interface Totals {
  name: string;
  command: string;
  rounds: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  errors: number;
  /** Worst p99 latency of any round, in milliseconds. */
  worstP99Ms: number;
  /** CPU time of the server process per request, in microseconds; less sensitive to other jobs than the rate. */
  serverCpuMicrosPerRequest: number;
  cpuMicros: number;
}

function cpuMicros(target: Target): Promise<number> {
  return new Promise((resolve) => {
    target.child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    target.child.send('cpu');
  });
}

function add(totals: Totals, round: LoadResult): void {
  totals.command = round.command;
  totals.rounds += 1;
  totals.requests += round.requests;
  totals.seconds = Number((totals.seconds + round.seconds).toFixed(2));
  totals.errors += round.errors;
  totals.worstP99Ms = Math.max(totals.worstP99Ms, round.p99Ms ?? 0);
  totals.requestsPerSecond = Math.round(totals.requests / totals.seconds);
}

/** Loads each target in turn for ROUNDS rounds, swapping the order every round. */
async function alternate(targets: Array<{ name: string; target: Target }>, form: string): Promise<Totals[]> {
  const totals: Totals[] = targets.map(({ name }) => ({
    name, command: '', rounds: 0, requests: 0, seconds: 0, requestsPerSecond: 0, errors: 0, worstP99Ms: 0,
    serverCpuMicrosPerRequest: 0, cpuMicros: 0,
  }));
  for (const { target } of targets) {
    await load(target.url, form, true);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const { target } = targets[index]!;
      const cpuBefore = await cpuMicros(target);
      const result = await load(target.url, form, false);
      const total = totals[index]!;
      total.cpuMicros += (await cpuMicros(target)) - cpuBefore;
      add(total, result);
      total.serverCpuMicrosPerRequest = Number((total.cpuMicros / total.requests).toFixed(2));
    }
  }
  return totals;
}

const loadBefore = loadavg().map((value) => value.toFixed(2)).join(' ');
const broker = await startTarget(['broker']);
const form = new URLSearchParams({ grant_type: 'password', client_id: broker.clientId ?? '', username: USER, password: SECRET }).toString();
const sample = await fetch(`${broker.url}/services/oauth2/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: form,
});
const sampleBody = await sample.text();
const bare = await startTarget(['bare', sampleBody]);
const [brokerRun, bareRun] = (await alternate([
  { name: 'broker, cached token', target: broker },
  { name: 'bare node:http, fixed body', target: bare },
], form)) as [Totals, Totals];
broker.child.kill('SIGINT');
bare.child.kill('SIGINT');

const ratio = brokerRun.requestsPerSecond / bareRun.requestsPerSecond;
console.log(JSON.stringify({
  date: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverageBefore: loadBefore,
  tool,
  pinned,
  connections: CONNECTIONS,
  responseBytes: Buffer.byteLength(sampleBody),
  runs: [brokerRun, bareRun],
  ratio: Number(ratio.toFixed(3)),
  /** Bare server CPU per request over the broker's: the rate ratio if both were CPU-bound alone. */
  cpuRatio: Number((bareRun.serverCpuMicrosPerRequest / brokerRun.serverCpuMicrosPerRequest).toFixed(3)),
  valid: [brokerRun, bareRun].every((run) => run.requests >= MIN_REQUESTS && run.errors === 0),
}, null, 2));
