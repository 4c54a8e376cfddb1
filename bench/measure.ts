import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Wall time of one run of a command, in milliseconds; raises when it exits non-zero. */
export function timeCommand(command: string, args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'ignore' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${String(result.status)}`);
  }
  return elapsed;
}

/** Returns one line naming the machine, for the benchmark records. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} x ${cpu}, Node.js ${process.version}, ${process.platform}`;
}

/** Calls `operation` for `seconds` and returns its calls per second. */
export function rate(operation: () => void, seconds: number): number {
  const end = Date.now() + seconds * 1000;
  let count = 0;
  const start = process.hrtime.bigint();
  while (Date.now() < end) {
    operation();
    count += 1;
  }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}
