import { runCli } from '../../src/cli/parser.js';
import type { Io } from '../../src/cli/output.js';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the sfjwt CLI in-process with its own output buffers and environment. */
export async function runSfjwt(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    interactive: false,
    env,
  };
  const exitCode = await runCli(argv, io);
  return { exitCode, stdout, stderr };
}
