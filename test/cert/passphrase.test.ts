import { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import type { Io } from '../../src/cli/output.js';
import { type HiddenInput, readHiddenLine, readPassphraseFile, resolvePassphrase } from '../../src/cli/passphrase.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { makeTempDir } from '../helpers/temp-dir.js';

function io(env: NodeJS.ProcessEnv = {}, interactive = false): Io & { errors: string[] } {
  const errors: string[] = [];
  return { stdout: () => undefined, stderr: (text) => errors.push(text), interactive, env, errors };
}

/** A stand-in for a terminal: records raw mode and replays typed chunks. */
class FakeTerminal extends EventEmitter implements HiddenInput {
  isRaw = false;
  rawModes: boolean[] = [];
  setRawMode(mode: boolean): void {
    this.isRaw = mode;
    this.rawModes.push(mode);
  }
  setEncoding(): void {}
  resume(): void {}
  pause(): void {}
  type(...chunks: string[]): void {
    setImmediate(() => chunks.forEach((chunk) => this.emit('data', chunk)));
  }
}

async function rejectionOf(promise: Promise<unknown>): Promise<SfjwtError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).to.be.instanceOf(SfjwtError);
  return error as SfjwtError;
}

describe('resolvePassphrase', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    temp = await makeTempDir();
  });

  after(async () => {
    await temp.remove();
  });

  it('prefers --passphrase-file over the environment', async () => {
    const file = join(temp.dir, 'pass');
    await writeFile(file, 'from-file\r\n');

    expect(await resolvePassphrase(io({ SF_JWT_KEY_PASSPHRASE: 'from-env' }), { 'passphrase-file': file }, 'never', 'k')).to.equal('from-file');
  });

  it('keeps inner newlines and strips one trailing newline', async () => {
    const file = join(temp.dir, 'multi');
    await writeFile(file, 'line one\nline two\n\n');

    expect(await readPassphraseFile(file)).to.equal('line one\nline two\n');
  });

  it('reads SF_JWT_KEY_PASSPHRASE by default and --passphrase-env when named', async () => {
    expect(await resolvePassphrase(io({ SF_JWT_KEY_PASSPHRASE: 'default' }), {}, 'never', 'k')).to.equal('default');
    expect(await resolvePassphrase(io({ OTHER: 'other' }), { 'passphrase-env': 'OTHER' }, 'never', 'k')).to.equal('other');
  });

  it('returns undefined outside a terminal when nothing is set', async () => {
    expect(await resolvePassphrase(io(), {}, 'confirm', 'k')).to.equal(undefined);
  });

  it('raises ERR_FILE_READ for a missing passphrase file', async () => {
    const error = await rejectionOf(resolvePassphrase(io(), { 'passphrase-file': join(temp.dir, 'none') }, 'never', 'k'));

    expect(error.code).to.equal('ERR_FILE_READ');
  });

  it('rejects a literal passphrase without echoing it', async () => {
    const error = await rejectionOf(resolvePassphrase(io(), { passphrase: 'typed-secret' }, 'never', 'k'));

    expect(error.code).to.equal('ERR_SETTING_INVALID');
    expect(JSON.stringify(error)).not.to.include('typed-secret');
  });
});

describe('readHiddenLine', () => {
  it('reads a line in raw mode with backspace and restores the mode', async () => {
    const terminal = new FakeTerminal();
    const output = io({}, true);
    terminal.type('hunter', '3\u007f2', '\r');

    const line = await readHiddenLine(output, 'Passphrase: ', terminal);

    expect(line).to.equal('hunter2');
    expect(terminal.rawModes).to.deep.equal([true, false]);
    expect(output.errors.join('')).to.equal('Passphrase: \n');
  });

  it('keeps multi-byte characters whole', async () => {
    const terminal = new FakeTerminal();
    terminal.type('pässwörd😀\u007f\n');

    expect(await readHiddenLine(io({}, true), 'P: ', terminal)).to.equal('pässwörd');
  });

  it('cancels on Ctrl-C with ERR_SETTING_MISSING', async () => {
    const terminal = new FakeTerminal();
    terminal.type('abc\u0003');

    const error = await rejectionOf(readHiddenLine(io({}, true), 'P: ', terminal));

    expect(error.code).to.equal('ERR_SETTING_MISSING');
    expect(terminal.listenerCount('data')).to.equal(0);
  });
});
