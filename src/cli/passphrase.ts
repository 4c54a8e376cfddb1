import type { Argv } from 'yargs';

import { ENV } from '../config/env.js';
import { SfjwtError, isSfjwtError } from '../errors/sfjwt-error.js';
import type { KeySource, LoadedKey } from '../keys/types.js';
import type { Io } from './output.js';
import { readTextFile } from '../util/read-text.js';

/** Passphrase options shared by every command that reads or writes an encrypted key. */
export interface PassphraseArgs {
  'passphrase-file'?: string;
  'passphrase-env'?: string;
  /** Declared only to reject it with advice; a passphrase is never taken on the command line. */
  passphrase?: unknown;
}

/** Prompt policy of resolvePassphrase: never prompt, prompt once, or prompt twice to confirm. */
export type PromptMode = 'never' | 'ask' | 'confirm';

/** Adds --passphrase-file and --passphrase-env; a literal --passphrase is rejected with advice. */
export function withPassphraseOptions<T>(yargs: Argv<T>): Argv<T & PassphraseArgs> {
  return yargs
    .option('passphrase-file', {
      type: 'string',
      describe: 'File holding the passphrase (read whole, less one trailing newline)',
    })
    .option('passphrase-env', {
      type: 'string',
      describe: 'Environment variable holding the passphrase',
      defaultDescription: ENV.keyPassphrase.name,
    })
    .option('passphrase', { type: 'string', hidden: true }) as Argv<T & PassphraseArgs>;
}

/**
 * Returns the passphrase from --passphrase-file, else from the variable named
 * by --passphrase-env (SF_JWT_KEY_PASSPHRASE by default), else from a hidden
 * terminal prompt when `prompt` allows it and the session is interactive.
 * Returns undefined when none applies.
 */
export async function resolvePassphrase(
  io: Io,
  args: PassphraseArgs,
  prompt: PromptMode,
  subject: string,
): Promise<string | undefined> {
  assertNoLiteralPassphrase(args);
  if (args['passphrase-file'] !== undefined) {
    return readPassphraseFile(args['passphrase-file']);
  }
  const fromEnv = readPassphraseEnv(io, args['passphrase-env']);
  if (fromEnv !== undefined || prompt === 'never' || !io.interactive) {
    return fromEnv;
  }
  return promptPassphrase(io, subject, prompt === 'confirm');
}

/** Rejects `--passphrase VALUE` with advice, without echoing the value. */
export function assertNoLiteralPassphrase(args: PassphraseArgs): void {
  if (args.passphrase !== undefined) {
    throw new SfjwtError(
      'ERR_SETTING_INVALID',
      'sfjwt takes no passphrase on the command line, where the process list and shell history expose it. ' +
        `Use --passphrase-file FILE or set ${ENV.keyPassphrase.name}.`,
      {
        details: { setting: 'passphrase' },
        actions: [
          'Put the passphrase in a file only you can read and pass --passphrase-file FILE.',
          `Or set ${ENV.keyPassphrase.name} (in CI, from a secret).`,
          'If you typed it in a shell, remove it from the shell history.',
        ],
      },
    );
  }
}

/** Reads a passphrase file: its whole content less one trailing LF or CRLF. */
export async function readPassphraseFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readTextFile(path, 'passphrase', 64 * 1024);
  } catch (error) {
    // A value with no folder and no extension may be the passphrase itself, typed in the wrong place.
    if (/[/.\\]/.test(path)) {
      throw error;
    }
    throw new SfjwtError('ERR_FILE_READ', `The passphrase file named by --passphrase-file (${path.length} characters) could not be read.`, {
      details: { setting: 'passphrase-file' },
      actions: ['Pass the path of a file that holds the passphrase; if you typed the passphrase itself, change it, since it may be in your shell history.'],
    });
  }
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase.length === 0) {
    throw new SfjwtError('ERR_SETTING_INVALID', `The passphrase file ${path} is empty.`, {
      details: { setting: 'passphrase-file', path },
    });
  }
  return passphrase;
}

function readPassphraseEnv(io: Io, name: string | undefined): string | undefined {
  const value = io.env[name ?? ENV.keyPassphrase.name];
  if (value !== undefined && value !== '') {
    return value;
  }
  if (name !== undefined) {
    // Only an upper-case variable name is echoed: anything else may be the passphrase itself.
    const shown = /^[A-Z_][A-Z0-9_]*$/.test(name) && name.length <= 64 ? name : `a value of ${name.length} characters`;
    throw new SfjwtError('ERR_SETTING_MISSING', `--passphrase-env names ${shown}, which is not set or empty.`, {
      details: { setting: 'passphrase-env' },
    });
  }
  return undefined;
}

async function promptPassphrase(io: Io, subject: string, confirm: boolean): Promise<string> {
  const first = await readHiddenLine(io, `Passphrase for ${subject}: `);
  if (first.length === 0) {
    throw new SfjwtError('ERR_SETTING_MISSING', 'No passphrase was entered.', { details: { setting: 'passphrase' } });
  }
  if (confirm && (await readHiddenLine(io, 'Repeat the passphrase: ')) !== first) {
    throw new SfjwtError('ERR_SETTING_INVALID', 'The two passphrases entered differ; nothing was written.', {
      details: { setting: 'passphrase' },
    });
  }
  return first;
}

/**
 * Loads a key with the passphrase from resolvePassphrase. When the key turns
 * out to be encrypted, none was given and the session is interactive,
 * prompts for it on the terminal and loads again. The caller prints `warnings`.
 */
export async function loadKeyWithPassphrase(io: Io, source: KeySource, args: PassphraseArgs): Promise<LoadedKey> {
  const { loadPrivateKey } = await import('../keys/load-key.js');
  const passphrase = await resolvePassphrase(io, args, 'never', source.label ?? source.path ?? 'the key');
  try {
    return await loadPrivateKey(passphrase === undefined ? source : { ...source, passphrase });
  } catch (error) {
    if (passphrase !== undefined || !io.interactive || !isSfjwtError(error, 'ERR_KEY_ENCRYPTED')) {
      throw error;
    }
    const entered = await resolvePassphrase(io, args, 'ask', source.label ?? source.path ?? 'the key');
    return loadPrivateKey({ ...source, passphrase: entered });
  }
}

/** The part of a TTY read stream that readHiddenLine uses; tests pass a stream of their own. */
export interface HiddenInput extends NodeJS.EventEmitter {
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
  setEncoding: (encoding: BufferEncoding) => unknown;
  resume: () => unknown;
  pause: () => unknown;
}

/**
 * Reads one line from a terminal in raw mode without echoing it. Backspace
 * deletes a character; Ctrl-C and Ctrl-D cancel with ERR_SETTING_MISSING.
 */
export function readHiddenLine(io: Io, question: string, input: HiddenInput = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    const wasRaw = input.isRaw === true;
    let characters: string[] = [];
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode?.(wasRaw);
      input.pause();
      io.stderr('\n');
    };
    const onData = (chunk: string): void => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          finish();
          resolve(characters.join(''));
          return;
        }
        if (character === '\u0003' || character === '\u0004') {
          finish();
          reject(new SfjwtError('ERR_SETTING_MISSING', 'The passphrase prompt was cancelled.', { details: { setting: 'passphrase' } }));
          return;
        }
        characters = character === '\u007f' || character === '\b' ? characters.slice(0, -1) : [...characters, character];
      }
    };
    io.stderr(question);
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
