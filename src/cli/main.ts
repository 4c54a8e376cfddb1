#!/usr/bin/env node
import { VERSION } from '../version.js';

const argv = process.argv.slice(2);
// A bare `--version` is handled before yargs loads, because importing yargs costs more than starting Node.
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { runCli } = await import('./parser.js');
  process.exitCode = await runCli(argv);
}
