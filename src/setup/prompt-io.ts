import { createInterface } from 'node:readline';

import { SfjwtError } from '../errors/sfjwt-error.js';

/** Asks one question at a time; tests give scripted answers. */
export interface Asker {
  /** Resolves with the reply, without its line ending, or rejects with ERR_SETUP_CANCELLED at end of input. */
  ask(question: string): Promise<string>;
  /** Prints a line between questions (a correction, a note). */
  say(text: string): void;
  close(): void;
}

/** Creates an Asker over a terminal (or any stream pair) through node:readline. */
export function createReadlineAsker(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Asker {
  const readline = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  let closed = false;
  const pending = new Set<(error: Error) => void>();
  readline.on('close', () => {
    closed = true;
    for (const reject of pending) {
      reject(cancelled());
    }
    pending.clear();
  });
  return {
    ask: (question) =>
      new Promise<string>((resolve, reject) => {
        if (closed) {
          reject(cancelled());
          return;
        }
        pending.add(reject);
        readline.question(question, (answer) => {
          pending.delete(reject);
          resolve(answer);
        });
      }),
    say: (text) => {
      output.write(`${text}\n`);
    },
    close: () => readline.close(),
  };
}

function cancelled(): SfjwtError {
  return new SfjwtError('ERR_SETUP_CANCELLED', 'The setup questions ended before every answer was given; nothing was written.');
}

export interface QuestionOptions {
  /** Default value, shown in brackets and used for an empty reply. */
  defaultValue?: string;
  /** Returns an error message for an invalid reply, or undefined to accept it. */
  validate?: (answer: string) => string | undefined;
  /** Accept an empty answer when there is no default. */
  optional?: boolean;
}

const MAX_ATTEMPTS = 3;

/**
 * Asks until the answer passes `validate`, at most three times; the third
 * rejected answer raises ERR_SETTING_INVALID with the last message.
 */
export async function askQuestion(asker: Asker, question: string, options: QuestionOptions = {}): Promise<string> {
  const suffix = options.defaultValue === undefined || options.defaultValue === '' ? '' : ` [${options.defaultValue}]`;
  let problem = '';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const raw = (await asker.ask(`${question}${suffix}: `)).trim();
    const answer = raw === '' ? (options.defaultValue ?? '') : raw;
    problem = answer === '' && options.optional !== true ? 'An answer is required.' : (options.validate?.(answer) ?? '');
    if (problem === '') {
      return answer;
    }
    asker.say(`  ${problem}`);
  }
  throw new SfjwtError('ERR_SETTING_INVALID', `No usable answer to "${question}": ${problem}`, {
    details: { question },
    actions: ['Run `sfjwt setup` again, or pass the setting as an option (`sfjwt setup --help` lists them).'],
  });
}
