import type { CommandModule } from 'yargs';

import { type Io, reportError } from './output.js';

/** Mutable state shared by the handlers of one CLI run. */
export interface CliState {
  exitCode: number;
  /** Set when yargs reported a usage error; handlers then do not run. */
  usageFailed?: boolean;
}

/** Context of every command module: the output streams and the state that receives the exit code. */
export interface CommandContext {
  io: Io;
  state: CliState;
}

// yargs types each module by its own options, so the list of modules contains any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous command list
export type CommandFactory = (context: CommandContext) => CommandModule<any, any>;

/**
 * Runs a command body, turning a thrown error into printed output and an exit
 * code. The body returns its own exit code (0 when it returns nothing).
 */
export async function runHandler(
  context: CommandContext,
  json: boolean,
  body: () => Promise<number | void>,
): Promise<void> {
  // yargs with parseAsync still calls the handler after its fail callback reported a usage error.
  if (context.state.usageFailed === true) {
    return;
  }
  try {
    context.state.exitCode = (await body()) ?? 0;
  } catch (error) {
    context.state.exitCode = reportError(context.io, error, json);
  }
}
