#!/usr/bin/env node
import { VERSION } from '../version.js';

const argv = process.argv.slice(2);
// A reader that stops early (`sfjwt scan | head`) closes the pipe: stop quietly instead of crashing.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
    process.exit(process.exitCode ?? 0);
  });
}
// A bare `--version` is handled before yargs loads, because importing yargs costs more than starting Node.
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else {
  if (argv[0] === 'cert' && argv[1] === 'generate' && !argv.includes('--help')) {
    // RSA key generation takes as long as loading yargs, so both run at once.
    const { bitsFromArguments, startRsaKeyPair } = await import('../cert/early-key-pair.js');
    const bits = bitsFromArguments(argv);
    if (bits !== undefined) {
      startRsaKeyPair(bits);
    }
  }
  const { runCli } = await import('./parser.js');
  process.exitCode = await runCli(argv);
}
