import { execFile } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { normalizeBrokerConfig, readBrokerConfig, type BrokerConfigInput } from '../../src/broker/config.js';
import { startBroker, type RunningBroker } from '../../src/broker/server.js';
import { isSfjwtError } from '../../src/errors/sfjwt-error.js';
import { SALESFORCE_ERRORS } from '../../src/oauth/salesforce-errors.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { KEY_PATH, USERNAME, startFixtureEmulator, type EmulatorFixture } from '../provider/helpers/emulator.js';
import { useTestRedis, type TestRedis } from '../provider/helpers/redis.js';

const run = promisify(execFile);
const LOCAL_SECRET = 'local-broker-secret-7f3a9c';
const CLIENT_SECRET = 'legacy-client-secret-4411';
const LEGACY_CLIENT_ID = 'legacy-etl-tool';

interface CurlResult {
  status: number;
  body: Record<string, string>;
}

/** POSTs a form with curl, the way a legacy tool sends the password grant. */
async function curlForm(url: string, fields: Record<string, string>, extra: string[] = []): Promise<CurlResult> {
  const data = Object.entries(fields).flatMap(([name, value]) => ['--data-urlencode', `${name}=${value}`]);
  const { stdout } = await run('curl', ['-sS', '-w', '\n%{http_code}', ...extra, ...data, `${url}/services/oauth2/token`]);
  const lines = stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  return { status, body: JSON.parse(lines.join('\n')) as Record<string, string> };
}

function passwordGrant(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'password',
    client_id: LEGACY_CLIENT_ID,
    client_secret: CLIENT_SECRET,
    username: USERNAME,
    password: LOCAL_SECRET,
    ...overrides,
  };
}

describe('token broker', () => {
  let fixture: EmulatorFixture;
  let broker: RunningBroker;
  let temp: { dir: string; remove: () => Promise<void> };
  let log: string[];

  async function writeConfig(overrides: Partial<BrokerConfigInput> = {}): Promise<string> {
    const secretFile = join(temp.dir, 'broker-secret');
    await writeFile(secretFile, `${LOCAL_SECRET}\n`, { mode: 0o600 });
    const config: BrokerConfigInput = {
      localSecret: { file: 'broker-secret' },
      clients: [
        {
          clientId: LEGACY_CLIENT_ID,
          consumerKey: fixture.consumerKey,
          keyFile: KEY_PATH,
          loginUrl: fixture.emulator.url,
          audience: 'https://login.salesforce.com',
          usernames: [USERNAME, 'not-in-org@example.com'],
        },
      ],
      ...overrides,
    };
    const path = join(temp.dir, 'broker.json');
    await writeFile(path, JSON.stringify(config));
    return path;
  }

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
    temp = await makeTempDir();
    log = [];
    broker = await startBroker({ config: await readBrokerConfig(await writeConfig(), {}), log: (line) => log.push(line) });
  });

  afterEach(async () => {
    await broker.close();
    await fixture.emulator.close();
    await temp.remove();
  });

  it('serves a legacy password grant', async () => {
    const { status, body } = await curlForm(broker.url, passwordGrant());

    expect(status).to.equal(200);
    expect(Object.keys(body).sort()).to.deep.equal(['access_token', 'id', 'instance_url', 'issued_at', 'signature', 'token_type']);
    expect(body.instance_url).to.equal(fixture.emulator.url);
    expect(body.token_type).to.equal('Bearer');
    expect(body.issued_at).to.match(/^\d{13}$/);
    const expected = createHmac('sha256', CLIENT_SECRET).update(body.id! + body.issued_at!).digest('base64');
    expect(body.signature).to.equal(expected);
    const rest = await fetch(`${body.instance_url}/services/data/v66.0/query?q=SELECT+Id+FROM+Account`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(rest.status).to.equal(200);
    expect(fixture.emulator.state.stats.passwordsReceived).to.equal(0);
    expect(fixture.emulator.state.stats.tokenRequests.password).to.equal(undefined);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('mints once for 50 concurrent cold logins', async () => {
    const body = new URLSearchParams(passwordGrant()).toString();
    const requests = Array.from({ length: 50 }, () =>
      fetch(`${broker.url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }).then((response) => response.json() as Promise<Record<string, string>>));

    const answers = await Promise.all(requests);

    expect(new Set(answers.map((answer) => answer.access_token)).size).to.equal(1);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('answers repeated logins from the cache', async () => {
    const first = await curlForm(broker.url, passwordGrant());
    const second = await curlForm(broker.url, passwordGrant({ client_secret: 'another-secret' }));

    expect(second.body.access_token).to.equal(first.body.access_token);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('leaves out signature without a client secret', async () => {
    const fields = passwordGrant();
    delete fields.client_secret;

    const { status, body } = await curlForm(broker.url, fields);

    expect(status).to.equal(200);
    expect(body).to.not.have.property('signature');
  });

  it('rejects a wrong local secret', async () => {
    const { status, body } = await curlForm(broker.url, passwordGrant({ password: 'real-salesforce-password' }));

    expect(status).to.equal(400);
    expect(body).to.deep.equal({
      error: SALESFORCE_ERRORS.authenticationFailure.error,
      error_description: SALESFORCE_ERRORS.authenticationFailure.description,
    });
    expect(fixture.emulator.state.stats.tokenRequests).to.deep.equal({});
  });

  it('rejects an unknown client id', async () => {
    const { status, body } = await curlForm(broker.url, passwordGrant({ client_id: '3MVG9unknown' }));

    expect(status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
  });

  it('rejects a username not in the configuration', async () => {
    const { status, body } = await curlForm(broker.url, passwordGrant({ username: 'someone@example.com' }));

    expect(status).to.equal(400);
    expect(body.error_description).to.equal('authentication failure');
  });

  it('rejects other grant types and JSON bodies', async () => {
    const other = await curlForm(broker.url, passwordGrant({ grant_type: 'client_credentials' }));
    const json = await run('curl', ['-sS', '-H', 'content-type: application/json', '-d', JSON.stringify(passwordGrant()),
      `${broker.url}/services/oauth2/token`]);

    expect(other.body).to.deep.equal({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    expect(JSON.parse(json.stdout)).to.deep.equal(other.body);
  });

  it('relays the Salesforce rejection of the JWT', async () => {
    const { status, body } = await curlForm(broker.url, passwordGrant({ username: 'not-in-org@example.com' }));

    expect(status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: "user hasn't approved this consumer" });
    expect(fixture.emulator.state.stats.passwordsReceived).to.equal(0);
  });

  it('logs one line per request without secrets', async () => {
    const issued = await curlForm(broker.url, passwordGrant());
    await curlForm(broker.url, passwordGrant({ password: 'wrong-password-9911' }));
    await curlForm(broker.url, passwordGrant({ client_id: 'unknown-client-5522' }));

    const requests = log.filter((line) => line.includes('/services/oauth2/token'));
    expect(requests).to.have.length(3);
    expect(requests[0]).to.match(/ POST \/services\/oauth2\/token status=200 client=legacy-etl-t\.\.\. user=integration@example\.com outcome=issued version=1 ms=/);
    expect(requests[1]).to.include('status=400').and.include('error=invalid_grant').and.include('reason=secret');
    expect(requests[2]).to.include('status=400').and.include('client=unknown');
    const text = log.join('\n');
    for (const secret of [LOCAL_SECRET, CLIENT_SECRET, issued.body.access_token!, 'wrong-password-9911', 'unknown-client-5522']) {
      expect(text).to.not.include(secret);
    }
  });

  it('replaces a token revoked through the broker', async () => {
    const first = await curlForm(broker.url, passwordGrant());
    const revoke = await run('curl', ['-sS', '-w', '%{http_code}', '--data-urlencode', `token=${first.body.access_token}`,
      `${broker.url}/services/oauth2/revoke`]);

    const second = await curlForm(broker.url, passwordGrant());

    expect(revoke.stdout).to.equal('200');
    expect(second.body.access_token).to.not.equal(first.body.access_token);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
    expect(log.join('\n')).to.not.include(first.body.access_token!);
  });

  it('rejects revoking an unknown token', async () => {
    const { stdout } = await run('curl', ['-sS', '-d', 'token=00Dnotissued', `${broker.url}/services/oauth2/revoke`]);

    expect(JSON.parse(stdout)).to.deep.equal({ error: 'invalid_token', error_description: 'invalid token' });
  });

  it('checks a body again after a failed attempt', async () => {
    const wrong = await curlForm(broker.url, passwordGrant({ password: 'typo' }));
    const right = await curlForm(broker.url, passwordGrant());
    const wrongAgain = await curlForm(broker.url, passwordGrant({ password: 'typo' }));

    expect(wrong.status).to.equal(400);
    expect(right.status).to.equal(200);
    expect(wrongAgain.status).to.equal(400);
  });

  it('answers health checks and unknown paths', async () => {
    const health = await fetch(`${broker.url}/health`);
    const missing = await fetch(`${broker.url}/services/data`);

    expect(await health.json()).to.deep.equal({ status: 'ok' });
    expect(missing.status).to.equal(404);
  });

  it('binds 127.0.0.1 by default', () => {
    expect(broker.host).to.equal('127.0.0.1');
    expect(broker.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('broker username mapping', () => {
  let production: EmulatorFixture;
  let sandbox: EmulatorFixture;
  let broker: RunningBroker;

  beforeEach(async () => {
    production = await startFixtureEmulator();
    sandbox = await startFixtureEmulator(['integration@example.com.uat']);
    const input: BrokerConfigInput = {
      localSecret: { env: 'SECRET' },
      clients: [{
        clientId: LEGACY_CLIENT_ID,
        consumerKey: production.consumerKey,
        keyFile: KEY_PATH,
        loginUrl: production.emulator.url,
        audience: 'https://login.salesforce.com',
        usernames: [
          USERNAME,
          { username: 'etl-legacy-name', subject: USERNAME },
          {
            username: 'integration@example.com.uat',
            consumerKey: sandbox.consumerKey,
            loginUrl: sandbox.emulator.url,
          },
        ],
      }],
    };
    broker = await startBroker({ config: await normalizeBrokerConfig(input, '/', { SECRET: LOCAL_SECRET }) });
  });

  afterEach(async () => {
    await broker.close();
    await production.emulator.close();
    await sandbox.emulator.close();
  });

  it('signs the subject of a mapped username', async () => {
    const direct = await curlForm(broker.url, passwordGrant());
    const mapped = await curlForm(broker.url, passwordGrant({ username: 'etl-legacy-name' }));

    expect(mapped.status).to.equal(200);
    expect(mapped.body.id).to.equal(direct.body.id);
    // Both names sign the same subject, so they share one cache entry and one token.
    expect(mapped.body.access_token).to.equal(direct.body.access_token);
    expect(production.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('uses the JWT settings of a username entry', async () => {
    const { status, body } = await curlForm(broker.url, passwordGrant({ username: 'integration@example.com.uat' }));

    expect(status).to.equal(200);
    expect(body.instance_url).to.equal(sandbox.emulator.url);
    expect(sandbox.emulator.state.stats.jwtExchanges).to.equal(1);
    expect(production.emulator.state.stats.jwtExchanges).to.equal(0);
  });
});

describe('brokers sharing Redis', () => {
  let fixture: EmulatorFixture;
  let redis: TestRedis;
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    redis = await useTestRedis();
  });

  after(async () => {
    // Undefined when the before hook failed to reach Redis.
    await (redis as TestRedis | undefined)?.stop();
  });

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
    temp = await makeTempDir();
  });

  afterEach(async () => {
    await fixture.emulator.close();
    await temp.remove();
  });

  it('mints once for two brokers', async () => {
    const storeKey = randomBytes(32).toString('base64');
    const input = {
      localSecret: { env: 'SECRET' },
      store: redis.url,
      storeEncryptionKey: { env: 'STORE_KEY' },
      clients: [{ clientId: LEGACY_CLIENT_ID, consumerKey: fixture.consumerKey, keyFile: KEY_PATH, loginUrl: fixture.emulator.url,
        audience: 'https://login.salesforce.com', usernames: [USERNAME] }],
    };
    const brokers = await Promise.all([1, 2].map(async () =>
      startBroker({ config: await normalizeBrokerConfig(input, temp.dir, { SECRET: LOCAL_SECRET, STORE_KEY: storeKey }) })));

    const answers = await Promise.all(brokers.flatMap((one) => [1, 2, 3].map(() => curlForm(one.url, passwordGrant()))));
    await Promise.all(brokers.map((one) => one.close()));

    expect(answers.every((answer) => answer.status === 200)).to.equal(true);
    expect(new Set(answers.map((answer) => answer.body.access_token)).size).to.equal(1);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });
});

describe('broker configuration', () => {
  const client = { clientId: 'legacy', keyFile: KEY_PATH, usernames: [USERNAME] };

  async function configError(input: unknown, env: NodeJS.ProcessEnv = {}): Promise<unknown> {
    return normalizeBrokerConfig(input, '/', env).then(() => undefined, (error: unknown) => error);
  }

  it('rejects a literal secret', async () => {
    const error = await configError({ localSecret: 'plain-text-secret', clients: [client] });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
    expect((error as Error).message).to.include('literal');
    expect((error as Error).message).to.not.include('plain-text-secret');
  });

  it('rejects an unset secret variable', async () => {
    const error = await configError({ localSecret: { env: 'SFJWT_BROKER_SECRET' }, clients: [client] });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
    expect((error as Error).message).to.include('SFJWT_BROKER_SECRET');
  });

  it('accepts a SHA-256 digest or a variable', async () => {
    const digest = createHash('sha256').update(LOCAL_SECRET).digest('hex');
    const fromHash = await normalizeBrokerConfig({ localSecret: { sha256: digest }, clients: [client] }, '/', {});
    const fromEnv = await normalizeBrokerConfig(
      { localSecret: { env: 'SECRET' }, clients: [client] },
      '/',
      { SECRET: LOCAL_SECRET },
    );

    expect(fromHash.clients[0]!.secretDigest.toString('hex')).to.equal(digest);
    expect(fromEnv.clients[0]!.secretDigest.toString('hex')).to.equal(digest);
    expect(fromHash.host).to.equal('127.0.0.1');
  });

  it('rejects a client without usernames', async () => {
    const error = await configError({ localSecret: { env: 'S' }, clients: [{ ...client, usernames: [] }] }, { S: 'x' });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
    expect((error as Error).message).to.include('clients[0].usernames');
  });

  it('rejects a non-positive maxAgeSeconds', async () => {
    const error = await configError({ localSecret: { env: 'S' }, maxAgeSeconds: 0, clients: [client] }, { S: 'x' });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
    expect((error as Error).message).to.include('maxAgeSeconds');
  });

  it('rejects refreshAheadSeconds past maxAgeSeconds', async () => {
    const input = { localSecret: { env: 'S' }, maxAgeSeconds: 600, refreshAheadSeconds: 600, clients: [client] };

    const error = await configError(input, { S: 'x' });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
    expect((error as Error).message).to.include('refreshAheadSeconds');
  });

  it('rejects a username listed twice', async () => {
    const error = await configError({ localSecret: { env: 'S' }, clients: [{ ...client, usernames: [USERNAME, { username: USERNAME }] }] }, { S: 'x' });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
    expect((error as Error).message).to.include('twice');
  });

  it('rejects a username without a key file', async () => {
    const { keyFile: _keyFile, ...withoutKey } = client;
    const error = await configError({ localSecret: { env: 'S' }, clients: [withoutKey] }, { S: 'x' });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
    expect((error as Error).message).to.include('keyFile');
  });

  it('rejects a malformed digest', async () => {
    const error = await configError({ localSecret: { sha256: 'abc' }, clients: [client] });

    expect(isSfjwtError(error, 'ERR_BROKER_CONFIG')).to.equal(true);
  });
});
