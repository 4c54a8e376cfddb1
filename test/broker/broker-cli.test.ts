import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { runSfjwt } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { KEY_PATH, USERNAME, startFixtureEmulator, type EmulatorFixture } from '../provider/helpers/emulator.js';

const run = promisify(execFile);
const MAIN = resolve('build/src/cli/main.js');
const LOCAL_SECRET = 'cli-broker-secret-0c1d2e';

describe('sfjwt broker', () => {
  let fixture: EmulatorFixture;
  let temp: { dir: string; remove: () => Promise<void> };

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
    temp = await makeTempDir();
  });

  afterEach(async () => {
    await fixture.emulator.close();
    await temp.remove();
  });

  async function writeConfig(localSecret: unknown): Promise<string> {
    const path = join(temp.dir, 'broker.json');
    const client = {
      clientId: fixture.consumerKey,
      keyFile: KEY_PATH,
      loginUrl: fixture.emulator.url,
      audience: 'https://login.salesforce.com',
      usernames: [USERNAME],
    };
    await writeFile(path, JSON.stringify({ localSecret, clients: [client] }));
    return path;
  }

  it('serves curl until SIGTERM', async () => {
    const config = await writeConfig({ env: 'SFJWT_BROKER_SECRET' });
    const child = spawn(process.execPath, [MAIN, 'broker', '--config', config, '--port', '0', '--json'], {
      env: { ...process.env, SFJWT_BROKER_SECRET: LOCAL_SECRET },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    while (!stdout.includes('}')) {
      await new Promise((wait) => setTimeout(wait, 20));
      if (child.exitCode !== null) {
        throw new Error(`sfjwt broker exited early: ${stderr}`);
      }
    }
    const { tokenUrl } = JSON.parse(stdout) as { tokenUrl: string };

    const { stdout: answer } = await run('curl', ['-sS', '-d', 'grant_type=password', '--data-urlencode', `client_id=${fixture.consumerKey}`,
      '--data-urlencode', `username=${USERNAME}`, '--data-urlencode', `password=${LOCAL_SECRET}`, tokenUrl]);
    child.kill('SIGTERM');

    expect(await exited).to.equal(0);
    const body = JSON.parse(answer) as Record<string, string>;
    expect(body.access_token).to.match(/^00D/);
    expect(tokenUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/services\/oauth2\/token$/);
    expect(fixture.emulator.state.stats.passwordsReceived).to.equal(0);
    expect(stderr).to.match(/POST \/services\/oauth2\/token status=200/);
    expect(stderr).to.include('broker stopped');
    expect(stderr + stdout).to.not.include(LOCAL_SECRET);
    expect(stderr + stdout).to.not.include(body.access_token);
  });

  it('requires --config', async () => {
    const result = await runSfjwt(['broker']);

    expect(result.exitCode).to.equal(2);
    expect(result.stderr).to.include('config');
  });

  it('rejects a literal secret in the file', async () => {
    const config = await writeConfig('literal-secret-value');

    const result = await runSfjwt(['broker', '--config', config]);

    expect(result.exitCode).to.equal(2);
    expect(result.stderr).to.include('ERR_BROKER_CONFIG');
    expect(result.stderr).to.not.include('literal-secret-value');
  });
});
