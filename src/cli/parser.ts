import yargs, { type Argv, type CommandModule, type MiddlewareFunction } from 'yargs';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { type Io, processIo, reportError } from './output.js';
import { COMMANDS } from './commands/index.js';
import type { CliState } from './context.js';
import { VERSION } from '../version.js';

/**
 * Builds the sfjwt parser over `io`. Tests call it in-process with their own
 * Io; every handler stores its exit code in `state.exitCode` instead of exiting.
 */
export function buildParser(io: Io = processIo): { parser: Argv; state: CliState } {
  const state: CliState = { exitCode: 0 };
  let parser = yargs()
    .scriptName('sfjwt')
    .usage('$0 <command> [options]\n\nMove Salesforce integrations to the JWT bearer flow.')
    .version(VERSION)
    .strict()
    // yargs passes the command's own instance as the second argument; its types leave it out.
    .middleware(keepLastOfRepeatedOptions as unknown as MiddlewareFunction, true)
    .demandCommand(1, 'Name a command; `sfjwt --help` lists them.')
    .recommendCommands()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error !== undefined && error !== null) {
        throw error;
      }
      // yargs calls this once per nested command level; report the first failure only.
      if (state.usageFailed !== true) {
        state.usageFailed = true;
        state.exitCode = reportError(io, new SfjwtError('ERR_USAGE', message), false);
      }
    });
  for (const factory of COMMANDS) {
    parser = parser.command(factory({ io, state }) as CommandModule);
  }
  return { parser, state };
}

/** Runs sfjwt with `argv` (without the node and script paths) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  const { parser, state } = buildParser(io);
  await parser.parseAsync([...argv]);
  return state.exitCode;
}

/**
 * Makes a repeated single-value option keep its last value: yargs turns
 * `--username a --username b` into an array, which the handlers do not expect.
 * Options declared as arrays (`--profile`, `--exclude`) keep every value.
 */
function keepLastOfRepeatedOptions(argv: Record<string, unknown>, instance: { getOptions(): { array: string[] } }): void {
  const arrays = new Set<string>(instance.getOptions().array);
  for (const [name, value] of Object.entries(argv)) {
    if (name !== '_' && Array.isArray(value) && !arrays.has(name)) {
      argv[name] = value.at(-1);
    }
  }
}
