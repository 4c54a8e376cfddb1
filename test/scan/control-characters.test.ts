import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import type { Io } from '../../src/cli/output.js';
import { runCli } from '../../src/cli/parser.js';
import { escapeControl } from '../../src/scan/formatters/escape.js';
import { runSfjwt } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);

// A name that would turn the terminal red and start a new line, and a line that would clear
// the screen, return the cursor and reverse the text after it.
const EVIL_NAME = 'evil\u001b[31mred\nline.sh';
const EVIL_LINE =
  'curl -d grant_type=password -d password="$PW" https://login.salesforce.com # \u001b[2Jcleared\rover \u202eesrever\n';
const FIFO_NAME = 'pipe\u001b[0m';

/** Tells whether `text` contains a control character other than a newline or tab. */
function hasRawControl(text: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(text);
}

describe('scan control characters', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    temp = await makeTempDir();
    await writeFile(join(temp.dir, EVIL_NAME), EVIL_LINE);
    await run('mkfifo', [join(temp.dir, FIFO_NAME)]);
  });

  after(async () => {
    await temp.remove();
  });

  it('escapes each unsafe character', () => {
    expect(escapeControl('a\u001bb')).to.equal('a\\x1bb');
    expect(escapeControl('a\nb\rc')).to.equal('a\\nb\\rc');
    expect(escapeControl('a\u009bb\u007f')).to.equal('a\\x9bb\\x7f');
    expect(escapeControl('a\u202eb\u2066')).to.equal('a\\u202eb\\u2066');
    expect(escapeControl('tab\tand é ü')).to.equal('tab\tand é ü');
  });

  for (const format of ['text', 'markdown']) {
    it(`escapes names and lines in ${format}`, async () => {
      const fifo = join(temp.dir, FIFO_NAME);
      const output = await runSfjwt(['scan', temp.dir, fifo, '--format', format, '--fail-on', 'none']);
      expect(output.exitCode, output.stderr).to.equal(0);
      expect(hasRawControl(output.stdout), JSON.stringify(output.stdout)).to.equal(false);
      expect(output.stdout).to.include('evil\\x1b[31mred\\nline.sh');
      expect(output.stdout).to.include('\\x1b[2Jcleared\\rover \\u202eesrever');
      expect(output.stdout).to.include('pipe\\x1b[0m');
    });
  }

  it('keeps raw names in JSON', async () => {
    const output = await runSfjwt(['scan', temp.dir, '--format', 'json', '--fail-on', 'none']);
    const report = JSON.parse(output.stdout) as { findings: Array<{ file: string }> };
    expect(report.findings.map((finding) => finding.file)).to.deep.equal([join(temp.dir, EVIL_NAME)]);
  });

  it('escapes the progress line', async () => {
    let stderr = '';
    const io: Io = { stdout: () => undefined, stderr: (text) => (stderr += text), interactive: true, env: {} };
    await runCli(['scan', join(temp.dir, EVIL_NAME)], io);
    expect(stderr).to.include('evil\\x1b[31mred\\nline.sh');
    expect(stderr.replaceAll('\r\u001b[K', '')).to.not.match(/[\u0000-\u001f]/);
  });

  it('escapes a missing path in the error', async () => {
    const output = await runSfjwt(['scan', 'no\u001b[31mfile']);
    expect(output.exitCode).to.equal(2);
    expect(output.stderr).to.include('no\\x1b[31mfile does not exist.');
    expect(hasRawControl(output.stderr)).to.equal(false);
  });
});
