// The two load tools the broker benchmark can drive: wrk (Debian package)
// and autocannon (npm). Both report requests, rate and errors the same way.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

export interface LoadResult {
  command: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Socket errors, timeouts and non-2xx responses together. */
  errors: number;
  p50Ms?: number;
  p99Ms?: number;
}

const run = promisify(execFile);

/** Runs wrk with one thread for `seconds` and parses its summary; `cpu` pins it with taskset. */
export async function runWrk(url: string, script: string, connections: number, seconds: number, cpu?: string): Promise<LoadResult> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url];
  const [file, argv] = cpu === undefined ? ['wrk', args] : ['taskset', ['-c', cpu, 'wrk', ...args]];
  const { stdout } = await run(file, argv);
  const total = /(\d+) requests in ([\d.]+)(m?s)/.exec(stdout);
  const requests = Number(total?.[1] ?? 0);
  const elapsed = Number(total?.[2] ?? 0) / (total?.[3] === 'ms' ? 1000 : 1);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const errors = non2xx + (socketErrors?.slice(1).reduce((sum, value) => sum + Number(value), 0) ?? 0);
  return {
    command: `${file} ${argv.join(' ')}`,
    requests,
    seconds: elapsed,
    requestsPerSecond: Math.round(requests / elapsed),
    errors,
    ...latency(stdout),
  };
}

function latency(stdout: string): { p50Ms?: number; p99Ms?: number } {
  const toMs = (match: RegExpExecArray | null): number | undefined => {
    if (match === null) {
      return undefined;
    }
    const unitsPerMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
    const scale = unitsPerMs[match[2] ?? 'ms'] ?? 1;
    return Number((Number(match[1]) * scale).toFixed(2));
  };
  const p50 = toMs(/50%\s+([\d.]+)(us|ms|s)/.exec(stdout));
  const p99 = toMs(/99%\s+([\d.]+)(us|ms|s)/.exec(stdout));
  return { ...(p50 === undefined ? {} : { p50Ms: p50 }), ...(p99 === undefined ? {} : { p99Ms: p99 }) };
}

interface AutocannonResult {
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number };
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

/** Sends `amount` requests with autocannon; the rate uses wall-clock time, not autocannon's 1 s samples. */
export async function runAutocannon(url: string, body: string, connections: number, amount: number): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const started = performance.now();
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    connections,
    amount,
    // autocannon notices the end only at a sample tick; 20 ms ticks keep the wall-clock time exact.
    sampleInt: 20,
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    command: `autocannon -c ${connections} -a ${amount} -m POST (programmatic)`,
    requests: result.requests.total,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Math.round(result.requests.total / seconds),
    errors: result.errors + result.timeouts + result.non2xx,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
