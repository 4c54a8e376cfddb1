import { expect } from 'chai';

import { runSfjwt } from '../helpers/cli.js';
import { fixtureCertPath, fixtureKeyPath, fixturePath, privateFixtureKeyPath } from '../helpers/fixtures.js';
import { startTestEmulator, TEST_USERNAME, type TestEmulator } from '../helpers/emulator.js';

interface Report {
  status: string;
  checks: Array<{ id: string; status: string; detail: string; fixes: string[]; code?: string }>;
}

describe('sfjwt doctor', () => {
  let emulator: TestEmulator;

  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.close());

  function doctor(env: NodeJS.ProcessEnv, ...extra: string[]): ReturnType<typeof runSfjwt> {
    return runSfjwt(['doctor', '--login-url', emulator.url, ...extra], env);
  }

  it('passes every check against the emulator', async () => {
    const run = await doctor({ SF_CLIENT_ID: emulator.consumerKey, SF_USERNAME: TEST_USERNAME }, '--key-file', privateFixtureKeyPath(), '--cert', fixtureCertPath);

    expect(run.exitCode, run.stdout).to.equal(0);
    for (const id of ['Settings', 'Private key loads', 'Key matches certificate', 'Token URL classification', 'Token exchange', 'Userinfo call']) {
      expect(run.stdout).to.match(new RegExp(`\\[PASS\\] ${id}`));
    }
    expect(run.stdout).to.include('All checks passed.');
  });

  it('warns about a world-readable key file', async () => {
    const run = await doctor({ SF_CLIENT_ID: emulator.consumerKey, SF_USERNAME: TEST_USERNAME }, '--key-file', fixtureKeyPath);

    expect(run.exitCode).to.equal(1);
    expect(run.stdout).to.include('[WARN] Private key loads');
    expect(run.stdout).to.include(`chmod 600 ${fixtureKeyPath}`);
  });

  it('reports where each setting came from', async () => {
    const run = await doctor({ SF_CLIENT_ID: emulator.consumerKey, SF_USERNAME: TEST_USERNAME }, '--key-file', fixtureKeyPath, '--json');
    const report = JSON.parse(run.stdout) as Report;
    const settings = report.checks.find((check) => check.id === 'settings');

    expect(settings?.detail).to.include(`SF_CLIENT_ID=${emulator.consumerKey} from environment SF_CLIENT_ID`);
    expect(settings?.detail).to.include('SF_LOGIN_URL=');
    expect(settings?.detail).to.include('from flag --login-url');
    expect(settings?.detail).to.include('SF_JWT_KEY_FILE=');
  });

  it('hides a key given in the environment', async () => {
    const { readFileSync } = await import('node:fs');
    const pem = readFileSync(fixtureKeyPath, 'utf8');
    const run = await doctor({ SF_CLIENT_ID: emulator.consumerKey, SF_USERNAME: TEST_USERNAME, SF_JWT_KEY: pem }, '--json');
    const report = JSON.parse(run.stdout) as Report;

    expect(report.status).to.equal('pass');
    expect(run.stdout).to.include('SF_JWT_KEY=(set, hidden)');
    expect(run.stdout).to.not.include('PRIVATE KEY');
    expect(run.stdout).to.not.match(/00D[A-Za-z0-9]{12}![A-Za-z0-9_-]{20,}/);
  });

  it('fails the pair check and skips the exchange', async () => {
    const run = await doctor({ SF_CLIENT_ID: emulator.consumerKey, SF_USERNAME: TEST_USERNAME }, '--key-file', fixtureKeyPath,
      '--cert', fixturePath('keys', 'mismatch.crt'), '--json');
    const report = JSON.parse(run.stdout) as Report;
    const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));

    expect(run.exitCode).to.equal(2);
    expect(byId['key.matches-cert']?.status).to.equal('fail');
    expect(byId['key.matches-cert']?.code).to.equal('ERR_KEY_CERT_MISMATCH');
    expect(byId.exchange?.status).to.equal('skip');
    expect(Object.values(emulator.state.stats.tokenRequests)).to.deep.equal([]);
  });

  it('explains a refused exchange', async () => {
    const run = await doctor({ SF_CLIENT_ID: 'wrong-key', SF_USERNAME: TEST_USERNAME }, '--key-file', fixtureKeyPath, '--json');
    const report = JSON.parse(run.stdout) as Report;
    const exchange = report.checks.find((check) => check.id === 'exchange');

    expect(run.exitCode).to.equal(2);
    expect(exchange?.code).to.equal('ERR_OAUTH_INVALID_CLIENT_ID');
    expect(exchange?.fixes.length).to.be.greaterThan(1);
  });

  it('warns about a sandbox user in the claims', async () => {
    const run = await doctor({ SF_CLIENT_ID: emulator.consumerKey, SF_USERNAME: `${TEST_USERNAME}.full` }, '--key-file', fixtureKeyPath,
      '--audience', 'https://login.salesforce.com', '--json');
    const report = JSON.parse(run.stdout) as Report;

    expect(report.checks.find((check) => check.id === 'claims')?.status).to.equal('warn');
    // The sandbox-looking user is unknown to the emulator, so the exchange fails too.
    expect(report.status).to.equal('fail');
    expect(run.exitCode).to.equal(2);
  });

  it('fails on missing settings without contacting anyone', async () => {
    const run = await doctor({}, '--json');
    const report = JSON.parse(run.stdout) as Report;

    expect(report.checks[0]?.status).to.equal('fail');
    expect(report.checks[0]?.fixes.join(' ')).to.include('SF_CLIENT_ID');
    expect(Object.values(emulator.state.stats.tokenRequests)).to.deep.equal([]);
  });
});
