// Compares the wall time of `sfjwt --version` with `node -e 0`, alternating runs so both see the
// same machine load. Run: npx tsc -p tsconfig.test.json && node build/bench/startup.js [runs]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { machineLine, median, timeCommand } from './measure.js';

const runs = Number(process.argv[2] ?? 30);
const cli = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist', 'cli', 'main.js');

const baseline: number[] = [];
const sfjwt: number[] = [];
timeCommand(process.execPath, [cli, '--version']);
for (let run = 0; run < runs; run += 1) {
  baseline.push(timeCommand(process.execPath, ['-e', '0']));
  sfjwt.push(timeCommand(process.execPath, [cli, '--version']));
}
const ratio = median(sfjwt) / median(baseline);
console.log(machineLine());
console.log(`node -e 0         median ${median(baseline).toFixed(1)} ms over ${runs} runs`);
console.log(`sfjwt --version   median ${median(sfjwt).toFixed(1)} ms over ${runs} runs`);
console.log(`ratio ${ratio.toFixed(2)} (target: at most 2.5)`);
