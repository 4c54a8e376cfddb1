// Wall time of `sfjwt cert generate` against `openssl req -x509 -newkey rsa:2048 -nodes`, both
// writing a 2048-bit key and a self-signed certificate valid 365 days, as separate processes,
// interleaved run by run. RSA prime search makes single runs vary widely, so medians are compared.
// `node -e 0` and `sfjwt cert generate --help` show how much of the time is Node and the CLI
// parser before any key work starts.
// Run: npx tsc -p tsconfig.test.json && node build/bench/cert-generate.js [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { machineLine, median, timeCommand } from './measure.js';

const runs = Number(process.argv[2] ?? 21);
const dir = mkdtempSync(join(tmpdir(), 'sfjwt-bench-cert-'));
const cli = resolve('build/src/cli/main.js');
const sfjwtArgs = [cli, 'cert', 'generate', '--out-dir', dir, '--cn', 'x', '--days', '365', '--force'];
const opensslArgs = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'o.key'), '-out', join(dir, 'o.crt'), '-subj', '/CN=x', '-days', '365'];

try {
  const commands: [string, string, string[]][] = [
    ['sfjwt cert generate', process.execPath, sfjwtArgs],
    ['openssl req -x509', 'openssl', opensslArgs],
    ['node -e 0', process.execPath, ['-e', '0']],
    ['sfjwt cert generate --help', process.execPath, [cli, 'cert', 'generate', '--help']],
  ];
  const times: number[][] = commands.map(() => []);
  commands.forEach(([, command, args]) => timeCommand(command, args));
  for (let round = 0; round < runs; round += 1) {
    commands.forEach(([, command, args], index) => times[index]?.push(timeCommand(command, args)));
  }
  console.log(machineLine());
  console.log(`${runs} runs each, interleaved, after one warm-up run each; wall time in ms`);
  commands.forEach(([name], index) => {
    const values = times[index] ?? [];
    console.log(`  ${name.padEnd(28)} median ${median(values).toFixed(0).padStart(4)}  (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`);
  });
  const ratio = median(times[0] ?? []) / median(times[1] ?? []);
  console.log(`  ratio sfjwt / openssl ${ratio.toFixed(2)} (target: 1.5 or less)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
