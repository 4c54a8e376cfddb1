import { join } from 'node:path';

import { expect } from 'chai';

import { loadEmulatorConfigFromMetadata } from '../../src/emulator/metadata.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { getAccessToken } from '../../src/token/get-access-token.js';
import { runSfjwt } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeKeyPair } from './helpers.js';

const USERNAME = 'export.integration@example.com';
const PROFILE = 'Integration User';

describe('setup output in the emulator', function () {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let keyPath: string;
  let certPath: string;
  const running: RunningEmulator[] = [];

  before(async () => {
    temp = await makeTempDir('sfjwt-setup-e2e-');
    ({ keyPath, certPath } = await makeKeyPair(temp.dir));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });
  after(async () => temp.remove());

  /** Runs `sfjwt setup` into a fresh project folder and returns the folder. */
  async function setup(name: string, extra: string[]): Promise<string> {
    return (await setupRun(name, extra)).projectDir;
  }

  async function setupRun(name: string, extra: string[]): Promise<{ projectDir: string; stdout: string }> {
    const projectDir = join(temp.dir, name);
    const run = await runSfjwt([
      'setup', '--cert', certPath, '--label', 'Nightly Export', '--contact-email', 'ops@example.com',
      '--project-dir', projectDir, '--username', USERNAME, '--yes', ...extra,
    ]);
    expect(run.exitCode, run.stderr).to.equal(0);
    return { projectDir, stdout: run.stdout };
  }

  async function emulate(projectDir: string, user: { profile: string; permissionSets?: string[] }): Promise<RunningEmulator> {
    const config = await loadEmulatorConfigFromMetadata(join(projectDir, 'force-app', 'main', 'default'));
    const emulator = await startEmulator({ config: { ...config, users: [{ username: USERNAME, ...user }] } });
    running.push(emulator);
    return emulator;
  }

  async function login(emulator: RunningEmulator): Promise<Awaited<ReturnType<typeof getAccessToken>>> {
    return getAccessToken({
      clientId: emulator.config.apps[0]!.consumerKey,
      username: USERNAME,
      privateKey: { path: keyPath },
      loginUrl: emulator.url,
      retry: { retries: 0 },
      advice: { userProfile: PROFILE },
    });
  }

  async function loginRejection(emulator: RunningEmulator): Promise<SfjwtError> {
    try {
      await login(emulator);
    } catch (error) {
      if (error instanceof SfjwtError) {
        return error;
      }
      throw error;
    }
    throw new Error('the login succeeded');
  }

  it('issues a token for the assigned profile', async () => {
    const emulator = await emulate(await setup('eca', ['--profile', PROFILE]), { profile: PROFILE });
    const app = emulator.config.apps[0]!;
    expect(app.kind).to.equal('external-client-app');
    expect(app.permittedUsers).to.equal('admin-approved');
    expect(app.profiles).to.deep.equal([PROFILE]);
    const result = await login(emulator);
    expect(result.token.access_token.startsWith(`${emulator.config.org.orgId}!`)).to.equal(true);
    expect(result.claims.iss).to.equal(app.consumerKey);
    expect(result.claims.sub).to.equal(USERNAME);
    expect(emulator.state.stats.jwtExchanges).to.equal(1);
    expect(emulator.state.stats.passwordsReceived).to.equal(0);
  });

  it('denies an unassigned profile, naming it', async () => {
    const emulator = await emulate(await setup('eca-other-profile', ['--profile', 'System Administrator']), {
      profile: PROFILE,
    });
    const error = await loginRejection(emulator);
    expect(error.code).to.equal('ERR_OAUTH_APP_ACCESS_DENIED');
    expect(error.message).to.include('invalid_app_access');
    expect(error.actions[0]).to.include(`"${PROFILE}"`);
    expect(error.actions[0]).to.include(USERNAME);
    expect(emulator.state.stats.jwtExchanges).to.equal(0);
  });

  it('admits an assigned permission set', async () => {
    const projectDir = await setup('eca-permset', ['--permission-set', 'Nightly_Export_Access', '--create-permission-set']);
    const emulator = await emulate(projectDir, { profile: 'Minimum Access', permissionSets: ['Nightly_Export_Access'] });
    expect((await login(emulator)).token.token_type).to.equal('Bearer');
  });

  it('uses the generated consumer key', async () => {
    const { projectDir, stdout } = await setupRun('eca-key', ['--profile', PROFILE, '--generate-consumer-key', '--json']);
    const written = (JSON.parse(stdout) as { app: { consumerKey: string; consumerKeyGenerated: boolean } }).app;
    expect(written.consumerKeyGenerated).to.equal(true);
    expect(written.consumerKey).to.match(/^3MVG9[A-Za-z0-9]+$/);
    const generated: string[] = [];
    const config = await loadEmulatorConfigFromMetadata(projectDir, {
      onConsumerKeyGenerated: (_name, key) => generated.push(key),
    });
    expect(generated).to.deep.equal([]);
    expect(config.apps?.[0]?.consumerKey).to.equal(written.consumerKey);
  });

  it('reports a consumer key it generates', async () => {
    const projectDir = await setup('eca-nokey', ['--profile', PROFILE]);
    const generated: Array<[string, string]> = [];
    const config = await loadEmulatorConfigFromMetadata(projectDir, {
      onConsumerKeyGenerated: (name, key) => generated.push([name, key]),
    });
    expect(generated).to.have.length(1);
    expect(generated[0]![0]).to.equal('Nightly_Export');
    expect(config.apps?.[0]?.consumerKey).to.equal(generated[0]![1]);
  });

  it('applies the session timeout', async () => {
    const emulator = await emulate(await setup('eca-timeout', ['--profile', PROFILE, '--session-timeout', '15']), {
      profile: PROFILE,
    });
    expect(emulator.config.apps[0]!.sessionTimeoutSeconds).to.equal(900);
    const result = await login(emulator);
    expect(emulator.state.sessions.get(result.token.access_token)?.timeoutSeconds).to.equal(900);
  });

  it('reads a body-only certificate', async () => {
    const emulator = await emulate(await setup('eca-body', ['--profile', PROFILE, '--cert-format', 'body']), {
      profile: PROFILE,
    });
    expect((await login(emulator)).token.token_type).to.equal('Bearer');
  });

  it('issues a token through a connected app', async () => {
    const emulator = await emulate(await setup('connected-app', ['--profile', PROFILE, '--connected-app']), {
      profile: PROFILE,
    });
    expect(emulator.config.apps[0]!.kind).to.equal('connected-app');
    expect((await login(emulator)).token.token_type).to.equal('Bearer');
  });

  it('denies a connected app user', async () => {
    const projectDir = await setup('connected-app-other', ['--profile', 'System Administrator', '--connected-app']);
    const emulator = await emulate(projectDir, { profile: PROFILE });
    expect((await loginRejection(emulator)).code).to.equal('ERR_OAUTH_APP_ACCESS_DENIED');
  });
});
