import { expect } from 'chai';

import { runSfjwt } from '../helpers/cli.js';
import { fixtureKeyPath, fixturePath } from '../helpers/fixtures.js';
import { startTestEmulator, TEST_USERNAME, type TestEmulator } from '../helpers/emulator.js';
import { startCaptureProxy } from '../helpers/capture-proxy.js';

const TOKEN_SHAPE = /00D[A-Za-z0-9]{12}![A-Za-z0-9_-]{20,}/;

describe('sfjwt token', () => {
  let emulator: TestEmulator;

  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.close());

  function tokenArgs(...extra: string[]): string[] {
    return ['token', '--login-url', emulator.url, '--client-id', emulator.consumerKey, '--username', TEST_USERNAME,
      '--key-file', fixtureKeyPath, ...extra];
  }

  it('prints a summary with the token redacted', async () => {
    const run = await runSfjwt(tokenArgs());

    expect(run.exitCode, run.stderr).to.equal(0);
    expect(run.stdout).to.include('no password was sent');
    expect(run.stdout).to.include(`Instance URL:  ${emulator.url}`);
    expect(run.stdout).to.include('![redacted]');
    expect(run.stdout + run.stderr).to.not.match(TOKEN_SHAPE);
  });

  it('keeps the token out of every emulator log line', async () => {
    await runSfjwt(tokenArgs());
    const [session] = emulator.state.sessions.keys();

    expect(session).to.match(TOKEN_SHAPE);
    expect(emulator.logLines.length).to.be.greaterThan(0);
    for (const line of emulator.logLines) {
      expect(line).to.not.include(session);
      expect(line).to.not.include('eyJ');
    }
  });

  it('prints JSON with the token redacted', async () => {
    const run = await runSfjwt(tokenArgs('--json'));
    const output = JSON.parse(run.stdout) as Record<string, unknown>;

    expect(output.access_token).to.match(/^00D[A-Za-z0-9]{12}!\[redacted\]$/);
    expect(output.instance_url).to.equal(emulator.url);
    expect(output.audience).to.equal('https://login.salesforce.com');
    expect(output.audienceDerived).to.equal(true);
  });

  it('prints the token with --show-token', async () => {
    const run = await runSfjwt(tokenArgs('--json', '--show-token'));
    const output = JSON.parse(run.stdout) as Record<string, unknown>;

    expect(output.access_token).to.match(TOKEN_SHAPE);
    expect(emulator.state.sessions.has(output.access_token as string)).to.equal(true);
  });

  it('reads settings from the environment', async () => {
    const run = await runSfjwt(['token', '--json'], {
      SF_CLIENT_ID: emulator.consumerKey,
      SF_USERNAME: TEST_USERNAME,
      SF_LOGIN_URL: emulator.url,
      SF_JWT_KEY_FILE: fixtureKeyPath,
    });

    expect(run.exitCode, run.stderr).to.equal(0);
  });

  it('decrypts an encrypted key with the passphrase variable', async () => {
    const encrypted = fixturePath('keys', 'pkcs8-encrypted.pem');
    const base = ['token', '--login-url', emulator.url, '--client-id', emulator.consumerKey, '--username', TEST_USERNAME, '--key-file', encrypted];
    const withPassphrase = await runSfjwt(base, { SF_JWT_KEY_PASSPHRASE: 'correct-horse' });
    const without = await runSfjwt(base);

    expect(withPassphrase.exitCode, withPassphrase.stderr).to.equal(0);
    expect(without.exitCode).to.equal(3);
    expect(without.stderr).to.include('ERR_KEY_ENCRYPTED');
  });

  it('rejects a passphrase given on the command line', async () => {
    const run = await runSfjwt(tokenArgs('--passphrase', 'correct-horse'));

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.not.include('correct-horse');
  });

  it('warns about the deprecated audience variable', async () => {
    const run = await runSfjwt(tokenArgs(), { SFDX_AUDIENCE_URL: 'https://login.salesforce.com' });

    expect(run.exitCode).to.equal(0);
    expect(run.stderr).to.include('SFDX_AUDIENCE_URL is deprecated; rename it to SF_AUDIENCE_URL');
  });

  it('exits 1 with the code and advice when Salesforce refuses', async () => {
    const run = await runSfjwt(['token', '--login-url', emulator.url, '--client-id', 'wrong', '--username', TEST_USERNAME,
      '--key-file', fixtureKeyPath]);

    expect(run.exitCode).to.equal(1);
    expect(run.stderr).to.include('Error ERR_OAUTH_INVALID_CLIENT_ID');
    expect(run.stderr).to.include('invalid_client_id: client identifier invalid');
    expect(run.stderr).to.match(/\n {2}1\. /);
  });

  it('prints a JSON error with --json', async () => {
    const run = await runSfjwt(['token', '--json', '--login-url', emulator.url, '--client-id', 'wrong',
      '--username', TEST_USERNAME, '--key-file', fixtureKeyPath]);
    const { error } = JSON.parse(run.stdout) as { error: Record<string, unknown> };

    expect(run.exitCode).to.equal(1);
    expect(error.code).to.equal('ERR_OAUTH_INVALID_CLIENT_ID');
    expect(error.exitCode).to.equal(1);
    expect(error.details).to.include({ error: 'invalid_client_id', audience: 'https://login.salesforce.com' });
  });

  it('exits 2 when a setting is missing', async () => {
    const run = await runSfjwt(['token', '--login-url', emulator.url, '--key-file', fixtureKeyPath]);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('ERR_SETTING_MISSING');
  });

  it('exits 4 when the endpoint is unreachable', async () => {
    const closed = await startTestEmulator();
    const url = closed.url;
    await closed.close();
    const run = await runSfjwt(['token', '--login-url', url, '--client-id', 'key', '--username', TEST_USERNAME,
      '--key-file', fixtureKeyPath, '--retries', '0']);

    expect(run.exitCode).to.equal(4);
    expect(run.stderr).to.include('ERR_HTTP_UNREACHABLE');
  });

  it('exchanges a presigned assertion file', async () => {
    const proxy = await startCaptureProxy(emulator.url);
    await runSfjwt(['token', '--login-url', proxy.url, '--client-id', emulator.consumerKey, '--username', TEST_USERNAME,
      '--key-file', fixtureKeyPath]);
    await proxy.close();
    const assertion = new URLSearchParams(proxy.bodies[0]).get('assertion') ?? '';
    const { makeTempDir } = await import('../helpers/temp-dir.js');
    const { writeFile } = await import('node:fs/promises');
    const temp = await makeTempDir();
    await writeFile(`${temp.dir}/assertion.jwt`, `${assertion}\n`);
    const run = await runSfjwt(['token', '--login-url', emulator.url, '--assertion-file', `${temp.dir}/assertion.jwt`, '--json']);
    await temp.remove();

    expect(run.exitCode, run.stderr).to.equal(0);
    expect(run.stdout).to.not.include(assertion);
  });
});

describe('sfjwt usage errors', () => {
  it('stops before the handler runs', async () => {
    const run = await runSfjwt(['token', '--bogus']);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('Error ERR_USAGE: Unknown argument: bogus');
    expect(run.stderr).to.not.include('ERR_SETTING_MISSING');
  });

  it('rejects an unknown command', async () => {
    const run = await runSfjwt(['tokn']);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('ERR_USAGE');
  });
});

describe('sfjwt token option checks', () => {
  const base = ['token', '--client-id', 'key', '--username', 'user@example.com', '--key-file', fixtureKeyPath,
    '--login-url', 'http://127.0.0.1:9'];

  it('rejects a timeout that is not a number', async () => {
    const run = await runSfjwt([...base, '--timeout', 'abc']);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('ERR_SETTING_INVALID: --timeout is not a number');
  });

  it('rejects retries above five', async () => {
    const run = await runSfjwt([...base, '--retries', '9']);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('--retries is 9');
  });

  it('rejects a fallback audience that is not https', async () => {
    const run = await runSfjwt([...base, '--audience-fallback', 'bogus']);

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('ERR_AUDIENCE_INVALID');
  });

  it('warns when both key sources are set', async () => {
    const run = await runSfjwt([...base, '--retries', '0'], { SF_JWT_KEY: 'unused' });

    expect(run.stderr).to.include('Both --key-file and SF_JWT_KEY are set; sfjwt uses the key file');
  });

  it('rejects an expired presigned assertion without sending it', async () => {
    const { makeTempDir } = await import('../helpers/temp-dir.js');
    const { writeFile } = await import('node:fs/promises');
    const { signTestJwt } = await import('../helpers/jwt.js');
    const { fixturePrivateKey } = await import('../helpers/fixtures.js');
    const temp = await makeTempDir();
    const expired = signTestJwt({ iss: 'k', sub: 'u', aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) - 60 }, fixturePrivateKey);
    const hs256 = signTestJwt({ iss: 'k', sub: 'u', aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) + 60 }, fixturePrivateKey, { alg: 'HS256' });
    await writeFile(`${temp.dir}/expired.jwt`, expired);
    await writeFile(`${temp.dir}/hs256.jwt`, hs256);
    const first = await runSfjwt(['token', '--login-url', 'http://127.0.0.1:9', '--assertion-file', `${temp.dir}/expired.jwt`]);
    const second = await runSfjwt(['token', '--login-url', 'http://127.0.0.1:9', '--assertion-file', `${temp.dir}/hs256.jwt`]);
    await temp.remove();

    expect(first.stderr).to.include('ERR_ASSERTION_EXPIRED');
    expect(second.stderr).to.include('ERR_ASSERTION_MALFORMED').and.include('HS256');
  });
});

describe('repeated options', () => {
  it('keep the last value of a single-value option', async () => {
    const run = await runSfjwt(['token', '--username', 'first@example.com', '--username', 'second@example.com',
      '--client-id', 'key', '--key-file', fixtureKeyPath, '--login-url', 'http://127.0.0.1:9', '--retries', '0', '--verbose']);

    expect(run.stderr).to.include('SF_USERNAME=second@example.com from flag --username');
    expect(run.stderr).to.not.include('Internal error');
  });
});
