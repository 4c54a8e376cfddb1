import { SfjwtError } from '../errors/sfjwt-error.js';
import { redactText } from '../util/redact.js';

/** Output streams and environment of a command; tests pass buffers instead of the process streams. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdin and stderr are terminals, so prompts and progress bars may appear. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
  env: process.env,
};

/** Prints `value` as indented JSON on stdout. */
export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints lines on stdout. */
export function printLines(io: Io, lines: readonly string[]): void {
  io.stdout(`${lines.join('\n')}\n`);
}

/** Prints a warning on stderr, with secrets masked. */
export function printWarning(io: Io, text: string): void {
  io.stderr(`Warning: ${redactText(text)}\n`);
}

/**
 * Prints an error and returns the exit code. Coded errors show their code,
 * message and actions; any other error is an internal fault (exit 70) whose
 * message is still redacted, because a library below may have put a secret in it.
 */
export function reportError(io: Io, error: unknown, json: boolean): number {
  const coded = error instanceof SfjwtError ? error : undefined;
  if (json) {
    const body = coded?.toJSON() ?? { code: 'ERR_INTERNAL', message: describeUnknown(error), exitCode: 70 };
    io.stdout(`${redactText(JSON.stringify({ error: body }, null, 2))}\n`);
    return coded?.exitCode ?? 70;
  }
  if (coded === undefined) {
    io.stderr(`Internal error: ${redactText(describeUnknown(error))}\n`);
    return 70;
  }
  const lines = [`Error ${coded.code}: ${coded.message}`];
  coded.actions.forEach((action, index) => lines.push(`  ${index + 1}. ${action}`));
  io.stderr(`${redactText(lines.join('\n'))}\n`);
  return coded.exitCode;
}

function describeUnknown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
