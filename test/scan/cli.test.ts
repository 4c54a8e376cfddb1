import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import type { Io } from '../../src/cli/output.js';
import { runCli } from '../../src/cli/parser.js';
import { runSfjwt } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const positive = fixturePath('scan', 'positive');
const negative = fixturePath('scan', 'negative');

describe('sfjwt scan exit codes', () => {
  it('exits 0 without findings', async () => {
    const run = await runSfjwt(['scan', negative]);
    expect(run.exitCode).to.equal(0);
    expect(run.stderr).to.equal('');
  });

  it('exits 1 with findings', async () => {
    const run = await runSfjwt(['scan', positive]);
    expect(run.exitCode).to.equal(1);
  });

  it('honours --fail-on', async () => {
    const highOnly = fixturePath('scan', 'positive', 'auth.go');
    expect((await runSfjwt(['scan', highOnly, '--fail-on', 'high'])).exitCode).to.equal(1);
    expect((await runSfjwt(['scan', highOnly, '--fail-on', 'critical'])).exitCode).to.equal(0);
    expect((await runSfjwt(['scan', positive, '--fail-on', 'none'])).exitCode).to.equal(0);
    const lowOnly = fixturePath('scan', 'positive', '.env.example');
    expect((await runSfjwt(['scan', lowOnly, '--fail-on', 'medium'])).exitCode).to.equal(0);
    expect((await runSfjwt(['scan', lowOnly])).exitCode).to.equal(1);
  });

  it('exits 2 for a missing path', async () => {
    const run = await runSfjwt(['scan', negative, 'no-such-folder']);
    expect(run.exitCode).to.equal(2);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.include('Error ERR_SCAN_PATH_NOT_FOUND: no-such-folder does not exist.');
  });

  it('reports a missing path as JSON', async () => {
    const run = await runSfjwt(['scan', 'no-such-folder', '--format', 'json']);
    expect(run.exitCode).to.equal(2);
    const body = JSON.parse(run.stdout) as { error: { code: string; details: { path: string } } };
    expect(body.error.code).to.equal('ERR_SCAN_PATH_NOT_FOUND');
    expect(body.error.details.path).to.equal('no-such-folder');
  });

  it('exits 2 for an invalid size', async () => {
    const run = await runSfjwt(['scan', negative, '--max-file-size', 'big']);
    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('ERR_SETTING_INVALID');
    expect(run.stderr).to.include('--max-file-size big');
  });

  it('exits 2 for an unknown format', async () => {
    const run = await runSfjwt(['scan', negative, '--format', 'xml']);
    expect(run.exitCode).to.equal(2);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.include('ERR_USAGE');
  });
});

describe('sfjwt scan progress', () => {
  async function runWith(interactive: boolean): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      interactive,
      env: {},
    };
    const exitCode = await runCli(['scan', positive], io);
    return { exitCode, stdout, stderr };
  }

  it('draws on a terminal', async () => {
    const run = await runWith(true);
    expect(run.exitCode).to.equal(1);
    expect(run.stderr).to.match(/^\r\u001b\[KScanning: \d+ files, \d+ findings/);
    expect(run.stderr.endsWith('\r\u001b[K')).to.equal(true);
    expect(run.stdout).to.not.include('Scanning:');
  });

  it('stays silent without a terminal', async () => {
    const run = await runWith(false);
    expect(run.exitCode).to.equal(1);
    expect(run.stderr).to.equal('');
  });
});

describe('sfjwt scan options', () => {
  it('skips files over --max-file-size', async () => {
    const temp = await makeTempDir();
    try {
      await writeFile(join(temp.dir, 'big.properties'), `sf.password = Secret123\n${'#'.repeat(3000)}\n`);
      const run = await runSfjwt(['scan', temp.dir, '--max-file-size', '2KiB', '--format', 'json']);
      const report = JSON.parse(run.stdout) as { maxFileSize: number; summary: { skipped: { tooLarge: number }; findings: number } };
      expect(run.exitCode).to.equal(0);
      expect(report.maxFileSize).to.equal(2048);
      expect(report.summary.skipped.tooLarge).to.equal(1);
      expect(report.summary.findings).to.equal(0);
    } finally {
      await temp.remove();
    }
  });

  it('reads by size above 16 MiB limits', async () => {
    const small = await runSfjwt(['scan', positive, '--format', 'json']);
    const large = await runSfjwt(['scan', positive, '--format', 'json', '--max-file-size', '32MiB']);
    const report = JSON.parse(large.stdout) as { maxFileSize: number; findings: unknown[] };
    expect(report.maxFileSize).to.equal(32 * 1024 * 1024);
    expect(report.findings).to.deep.equal((JSON.parse(small.stdout) as { findings: unknown[] }).findings);
  });

  it('leaves out --exclude patterns', async () => {
    const run = await runSfjwt(['scan', positive, '--exclude', '*.java', '--exclude', 'mule/', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string }>; summary: { skipped: { excluded: number } } };
    const files = report.findings.map((finding) => finding.file);
    expect(files.some((file) => file.endsWith('.java'))).to.equal(false);
    expect(files.some((file) => file.includes('/mule/'))).to.equal(false);
    expect(files.some((file) => file.endsWith('.py'))).to.equal(true);
    expect(report.summary.skipped.excluded).to.equal(3);
  });
});

describe('scan API checks', () => {
  it('rejects wrong option types', async () => {
    const { scan } = await import('../../src/scan/engine.js');
    const calls: Array<() => Promise<unknown>> = [
      () => scan({ paths: 'src' as unknown as string[] }),
      () => scan({ maxFileSize: -1 }),
      () => scan({ maxFileSize: 1.5 }),
      () => scan({ exclude: [1] as unknown as string[] }),
    ];
    for (const call of calls) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(TypeError);
    }
  });
});
