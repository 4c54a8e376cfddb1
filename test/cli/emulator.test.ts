import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { fixtureCertPath, fixtureKeyPath } from '../helpers/fixtures.js';
import { spawnSfjwt, startSfjwtServer } from '../helpers/spawn-cli.js';

const run = promisify(execFile);

describe('sfjwt emulator process', () => {
  it('serves sfjwt token and curl on loopback', async () => {
    const { child, summary, stderr } = await startSfjwtServer(['emulator', '--app-cert', fixtureCertPath,
      '--user', 'ops@example.com', '--json']);
    try {
      const url = summary.url as string;
      const apps = summary.apps as Array<{ consumerKey: string }>;
      expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);

      const token = await spawnSfjwt(['token', '--login-url', url, '--client-id', apps[0]?.consumerKey ?? '',
        '--username', 'ops@example.com', '--key-file', fixtureKeyPath, '--json', '--show-token']);
      expect(token.exitCode, token.stderr).to.equal(0);
      const accessToken = (JSON.parse(token.stdout) as { access_token: string }).access_token;

      const { stdout } = await run('curl', ['-s', '-H', `Authorization: Bearer ${accessToken}`, `${url}/services/oauth2/userinfo`]);
      expect(JSON.parse(stdout)).to.include({ preferred_username: 'ops@example.com' });

      const refused = await run('curl', ['-s', '-d', 'grant_type=password&client_id=x&client_secret=y&username=a&password=b',
        `${url}/services/oauth2/token`]);
      expect(JSON.parse(refused.stdout)).to.deep.equal({ error: 'invalid_client_id', error_description: 'client identifier invalid' });

      const log = stderr();
      expect(log).to.include('grant=jwt-bearer status=200');
      expect(log).to.include('grant=password status=400');
      expect(log).to.not.include(accessToken);
      expect(log).to.not.include('password=b');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('rejects a missing certificate file with a coded error', async () => {
    const result = await spawnSfjwt(['emulator', '--app-cert', '/nonexistent/server.crt']);

    expect(result.exitCode).to.equal(5);
    expect(result.stderr).to.include('ERR_FILE_READ');
    expect(result.stderr).to.include('/nonexistent/server.crt');
  });
});

describe('sfjwt emulator option checks', () => {
  it('rejects a port out of range', async () => {
    const result = await spawnSfjwt(['emulator', '--port', '99999']);

    expect(result.exitCode).to.equal(2);
    expect(result.stderr).to.include('ERR_SETTING_INVALID: --port is 99999');
  });

  it('rejects a configuration of the wrong shape', async () => {
    const { makeTempDir } = await import('../helpers/temp-dir.js');
    const { writeFile } = await import('node:fs/promises');
    const temp = await makeTempDir();
    await writeFile(`${temp.dir}/config.json`, '{"apps":"x","users":5}');
    const result = await spawnSfjwt(['emulator', '--config', `${temp.dir}/config.json`]);
    await temp.remove();

    expect(result.exitCode).to.equal(2);
    expect(result.stderr).to.include('ERR_EMULATOR_CONFIG: Emulator configuration: apps must be a JSON array.');
  });
});
