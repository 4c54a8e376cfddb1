import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { expect } from 'chai';

import { getAccessToken } from '../../src/token/get-access-token.js';
import { runSfjwt } from '../helpers/cli.js';
import { repositoryRoot } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeKeyPair } from './helpers.js';

interface EmulatorSummary {
  url: string;
  apps: Array<{ label: string; consumerKey: string; kind: string }>;
}

/** Starts `sfjwt emulator --json` in a child process and resolves with its start-up summary. */
function startCliEmulator(args: string[]): Promise<{ child: ChildProcess; summary: EmulatorSummary }> {
  const child = spawn(process.execPath, [join(repositoryRoot, 'build', 'src', 'cli', 'main.js'), 'emulator', '--json', '--quiet', ...args]);
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        resolve({ child, summary: JSON.parse(stdout) as EmulatorSummary });
      } catch {
        // The summary is not complete yet.
      }
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited with ${String(code)}: ${stderr}`)));
  });
}

describe('sfjwt emulator --metadata', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let child: ChildProcess | undefined;
  before(async () => {
    temp = await makeTempDir('sfjwt-setup-flag-');
  });
  after(async () => {
    child?.kill('SIGTERM');
    await temp.remove();
  });

  it('serves the app that setup wrote', async () => {
    const { keyPath, certPath } = await makeKeyPair(temp.dir);
    const setup = await runSfjwt([
      'setup', '--cert', certPath, '--label', 'Flag App', '--contact-email', 'ops@example.com',
      '--profile', 'Integration User', '--project-dir', temp.dir, '--yes',
    ]);
    expect(setup.exitCode, setup.stderr).to.equal(0);
    const started = await startCliEmulator(['--metadata', temp.dir, '--user', 'flag@example.com']);
    child = started.child;
    const app = started.summary.apps.find((candidate) => candidate.label === 'Flag App');
    expect(app?.kind).to.equal('external-client-app');
    const result = await getAccessToken({
      clientId: app!.consumerKey,
      username: 'flag@example.com',
      privateKey: { path: keyPath },
      loginUrl: started.summary.url,
      retry: { retries: 0 },
    });
    expect(result.token.token_type).to.equal('Bearer');
  });
});
