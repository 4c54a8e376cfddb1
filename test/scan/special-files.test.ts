import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import type { ScanReport } from '../../src/scan/types.js';
import { repositoryRoot } from '../helpers/fixtures.js';
import { CLI_ENTRY } from '../helpers/spawn-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
// A blocking open of a FIFO waits for a writer forever, and no timer can interrupt it in the
// same thread, so each scan runs in a child process that is killed after this many milliseconds.
const CHILD_TIMEOUT = 10000;

async function scanInChild(paths: readonly string[]): Promise<ScanReport> {
  const { stdout } = await run(process.execPath, [CLI_ENTRY, 'scan', ...paths, '--format', 'json', '--fail-on', 'none'], {
    timeout: CHILD_TIMEOUT,
  });
  return JSON.parse(stdout) as ScanReport;
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
}

describe('scan special files', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  beforeEach(async () => {
    temp = await makeTempDir();
  });

  afterEach(async () => {
    await temp.remove();
  });

  it('skips a named FIFO', async () => {
    const fifo = join(temp.dir, 'pipe.properties');
    await run('mkfifo', [fifo]);
    const regular = join(temp.dir, 'app.properties');
    await writeFile(regular, 'sf.password = Secret123\n');
    const report = await scanInChild([fifo, regular]);
    expect(report.summary.filesScanned).to.equal(1);
    expect(report.findings.map((finding) => finding.file)).to.deep.equal([regular]);
    expect(report.summary.skipped.unreadable).to.equal(1);
    expect(report.summary.unreadable).to.deep.equal([{ file: fifo, reason: 'FIFO, not a regular file' }]);
  });

  it('skips a named socket', async () => {
    const path = join(temp.dir, 'broker.sock');
    const server = createServer();
    await listen(server, path);
    try {
      const report = await scanInChild([path]);
      expect(report.summary.filesScanned).to.equal(0);
      expect(report.summary.unreadable).to.deep.equal([{ file: path, reason: 'socket, not a regular file' }]);
    } finally {
      server.close();
    }
  });

  it('skips a named device', async () => {
    const report = await scanInChild(['/dev/null']);
    expect(report.summary.filesScanned).to.equal(0);
    expect(report.summary.unreadable).to.deep.equal([{ file: '/dev/null', reason: 'character device, not a regular file' }]);
  });

  it('reader returns on a FIFO', async () => {
    const fifo = join(temp.dir, 'pipe.txt');
    await run('mkfifo', [fifo]);
    const reader = join(repositoryRoot, 'build', 'src', 'scan', 'reader.js');
    const script =
      `import(${JSON.stringify(reader)}).then((module) => ` +
      `process.stdout.write(JSON.stringify(new module.FileReader(1024).read(${JSON.stringify(fifo)}))))`;
    const { stdout } = await run(process.execPath, ['-e', script], { timeout: CHILD_TIMEOUT });
    const result = JSON.parse(stdout) as { kind: string };
    expect(result.kind).to.equal('unreadable');
  });
});
