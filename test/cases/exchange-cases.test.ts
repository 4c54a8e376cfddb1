import { expect } from 'chai';

import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { classifyLoginUrl } from '../../src/oauth/endpoints.js';
import { resolveAudience } from '../../src/oauth/audience.js';
import { exchangeAssertion } from '../../src/oauth/exchange.js';
import { getAccessToken, type JwtLoginOptions } from '../../src/token/get-access-token.js';
import { fixtureCertPath, fixtureCertificate, fixtureKeyPath, fixturePath, fixturePrivateKey } from '../helpers/fixtures.js';
import { startTestEmulator, TEST_PROFILE, TEST_USERNAME, type TestEmulator } from '../helpers/emulator.js';
import { startCaptureProxy } from '../helpers/capture-proxy.js';
import { runSfjwt } from '../helpers/cli.js';
import { decodeJwt } from '../helpers/jwt.js';

const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 20 };

function loginTo(emulator: TestEmulator, extra: Partial<JwtLoginOptions> = {}): Promise<unknown> {
  return getAccessToken({
    clientId: emulator.consumerKey,
    username: TEST_USERNAME,
    privateKey: fixturePrivateKey,
    loginUrl: emulator.url,
    retry: FAST_RETRY,
    ...extra,
  }).catch((error: unknown) => error);
}

function asCoded(value: unknown): SfjwtError {
  expect(value).to.be.instanceOf(SfjwtError);
  return value as SfjwtError;
}

function salesforceAnswer(error: SfjwtError): string {
  return `${String(error.details.error)} / ${String(error.details.errorDescription)}`;
}

function tokenRequests(emulator: TestEmulator): number {
  return Object.values(emulator.state.stats.tokenRequests).reduce((sum, count) => sum + count, 0);
}

describe('exchange situations from real integrations', () => {
  let emulator: TestEmulator | undefined;

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('E1 sandbox user against production', async () => {
    emulator = await startTestEmulator();
    const sandboxUser = `${TEST_USERNAME}.dev`;
    const cli = await runSfjwt(['token', '--login-url', emulator.url, '--audience', 'https://login.salesforce.com',
      '--client-id', emulator.consumerKey, '--username', sandboxUser, '--key-file', fixtureKeyPath]);
    const error = asCoded(await loginTo(emulator, { username: sandboxUser }));

    expect(cli.exitCode).to.equal(1);
    expect(cli.stderr.indexOf('looks like a sandbox user'), 'warning before the error').to.be.within(0, cli.stderr.indexOf('Error '));
    expect(salesforceAnswer(error)).to.equal("invalid_grant / user hasn't approved this consumer");
    expect(error.code).to.equal('ERR_OAUTH_USER_NOT_APPROVED');
    expect(error.actions[0]).to.include('looks like a sandbox user').and.include('test.salesforce.com');
    expect(error.actions[1]).to.include('Admin approved users are pre-authorized');
    expect(error.actions.at(-1)).to.include(`audience https://login.salesforce.com`);
  });

  it('E1 warns about the sandbox user before sending', async () => {
    emulator = await startTestEmulator();
    const cli = await runSfjwt(['doctor', '--login-url', emulator.url, '--client-id', emulator.consumerKey,
      '--username', `${TEST_USERNAME}.uat`, '--key-file', fixtureKeyPath, '--json']);
    const report = JSON.parse(cli.stdout) as { checks: Array<{ id: string; status: string; fixes: string[] }> };
    const claims = report.checks.find((check) => check.id === 'claims');

    expect(claims?.status).to.equal('warn');
    expect(claims?.fixes[0]).to.include('test.salesforce.com');
  });

  it('E2 self-authorize policy without a prior approval', async () => {
    emulator = await startTestEmulator({
      apps: [{ certificate: fixtureCertificate, permittedUsers: 'self-authorize', scopes: ['api'] }],
    });
    const error = asCoded(await loginTo(emulator));

    expect(salesforceAnswer(error)).to.equal("invalid_grant / user hasn't approved this consumer");
    expect(error.actions.join('\n')).to.include('Admin approved users are pre-authorized');
    expect(error.actions.join('\n')).to.include('refresh_token');
  });

  it('E3 admin-approved policy with the profile unassigned', async () => {
    emulator = await startTestEmulator({ apps: [{ certificate: fixtureCertificate, profiles: ['System Administrator'] }] });
    const error = asCoded(await loginTo(emulator, { advice: { userProfile: TEST_PROFILE } }));

    expect(error.code).to.equal('ERR_OAUTH_APP_ACCESS_DENIED');
    expect(salesforceAnswer(error)).to.equal('invalid_app_access / user is not admin approved to access this app');
    expect(error.actions[0]).to.include(`"${TEST_PROFILE}"`).and.include('Profiles');
  });

  it('E4 sandbox My Domain derives the test audience', () => {
    const endpoint = classifyLoginUrl('https://acme--uat.sandbox.my.salesforce.com');
    const older = classifyLoginUrl('https://acme--uat.my.salesforce.com');

    expect(endpoint.kind).to.equal('sandbox-my-domain');
    expect(resolveAudience(endpoint, undefined)).to.deep.equal({ audience: 'https://test.salesforce.com', derived: true });
    expect(older.kind).to.equal('sandbox-my-domain');
    expect(resolveAudience(older, undefined).audience).to.equal('https://test.salesforce.com');
    expect(resolveAudience(endpoint, 'https://acme--uat.sandbox.my.salesforce.com')).to.deep.equal({
      audience: 'https://acme--uat.sandbox.my.salesforce.com',
      derived: false,
    });
  });

  it('E5 My-Domain-only app refuses the login audience', async () => {
    emulator = await startTestEmulator({
      org: { myDomainUrl: 'https://acme.my.salesforce.com' },
      apps: [{ certificate: fixtureCertificate, profiles: [TEST_PROFILE], audienceRule: 'my-domain' }],
    });
    const error = asCoded(await loginTo(emulator));

    expect(error.code).to.equal('ERR_OAUTH_APP_NOT_FOUND');
    expect(salesforceAnswer(error)).to.equal('app_not_found / External client app is not installed in this org');
    expect(error.actions[0]).to.include('My Domain');
    expect(tokenRequests(emulator)).to.equal(1);
  });

  it('E5 audience fallback tries one alternative', async () => {
    emulator = await startTestEmulator({
      org: { myDomainUrl: 'https://acme.my.salesforce.com' },
      apps: [{ certificate: fixtureCertificate, profiles: [TEST_PROFILE], audienceRule: 'my-domain' }],
    });
    const result = (await loginTo(emulator, { audienceFallback: 'https://acme.my.salesforce.com' })) as { audience: string; fallback: unknown };

    expect(result.audience).to.equal('https://acme.my.salesforce.com');
    expect(result.fallback).to.deep.equal({ refusedAudience: 'https://login.salesforce.com', refusedCode: 'ERR_OAUTH_APP_NOT_FOUND' });
    expect(tokenRequests(emulator)).to.equal(2);
  });

  it('E5 audience fallback never loops', async () => {
    emulator = await startTestEmulator({
      org: { myDomainUrl: 'https://acme.my.salesforce.com' },
      apps: [{ certificate: fixtureCertificate, profiles: [TEST_PROFILE], audienceRule: 'my-domain' }],
    });
    const error = asCoded(await loginTo(emulator, { audienceFallback: 'https://test.salesforce.com' }));

    expect(error.code).to.equal('ERR_OAUTH_APP_NOT_FOUND');
    expect(error.message).to.include('An earlier attempt with audience https://login.salesforce.com');
    expect(tokenRequests(emulator)).to.equal(2);
  });

  it('E6 token URL and audience are independent', async () => {
    emulator = await startTestEmulator();
    const proxy = await startCaptureProxy(emulator.url);
    const result = (await loginTo(emulator, { loginUrl: proxy.url, audience: 'https://login.salesforce.com' })) as { audience: string };
    await proxy.close();
    const { claims } = decodeJwt(new URLSearchParams(proxy.bodies[0]).get('assertion') ?? '');

    expect(result.audience).to.equal('https://login.salesforce.com');
    expect(claims.aud).to.equal('https://login.salesforce.com');
    const govCloud = classifyLoginUrl('https://agency.my.salesforce.com');
    expect(resolveAudience(govCloud, 'https://login.salesforce.com').audience).to.equal('https://login.salesforce.com');
  });

  it('E7 key that does not belong to the certificate', async () => {
    emulator = await startTestEmulator();
    const cli = await runSfjwt(['token', '--login-url', emulator.url, '--client-id', emulator.consumerKey,
      '--username', TEST_USERNAME, '--key-file', fixtureKeyPath, '--cert', fixturePath('keys', 'mismatch.crt')]);

    expect(cli.exitCode).to.equal(3);
    expect(cli.stderr).to.include('ERR_KEY_CERT_MISMATCH');
    expect(cli.stderr.match(/([0-9A-F]{2}:){31}[0-9A-F]{2}/gi)?.length ?? 0).to.be.greaterThanOrEqual(2);
    expect(tokenRequests(emulator)).to.equal(0);
  });

  it('E7 matching certificate passes the pre-flight check', async () => {
    emulator = await startTestEmulator();
    const cli = await runSfjwt(['token', '--login-url', emulator.url, '--client-id', emulator.consumerKey,
      '--username', TEST_USERNAME, '--key-file', fixtureKeyPath, '--cert', fixtureCertPath]);

    expect(cli.exitCode, cli.stderr).to.equal(0);
  });

  it('E8 PEM key passed as the assertion', async () => {
    const pem = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n`;
    const error = asCoded(await exchangeAssertion({
      tokenEndpoint: 'http://127.0.0.1:9/services/oauth2/token',
      assertion: pem,
      advice: { tokenEndpoint: '', audience: '' },
    }).catch((caught: unknown) => caught));

    expect(error.code).to.equal('ERR_ASSERTION_IS_KEY');
    expect(error.message).to.not.include('MIIE');
    expect(error.actions.join(' ')).to.include('new pair');
  });

  it('E9 exp in the past from a slow clock', async () => {
    emulator = await startTestEmulator();
    const error = asCoded(await loginTo(emulator, { now: () => Date.now() - 190_000 }));

    expect(error.code).to.equal('ERR_OAUTH_ASSERTION_EXPIRED');
    expect(salesforceAnswer(error)).to.equal('invalid_grant / expired authorization code');
    expect(error.actions.join(' ')).to.include('clock');
  });

  it('E9 measures the skew against the server clock', async () => {
    emulator = await startTestEmulator({}, () => Date.now() + 300_000);
    const error = asCoded(await loginTo(emulator));
    const doctor = await runSfjwt(['doctor', '--login-url', emulator.url, '--client-id', emulator.consumerKey,
      '--username', TEST_USERNAME, '--key-file', fixtureKeyPath, '--json']);
    const clock = (JSON.parse(doctor.stdout) as { checks: Array<{ id: string; status: string; detail: string }> })
      .checks.find((check) => check.id === 'clock');

    expect(error.code).to.equal('ERR_OAUTH_ASSERTION_EXPIRED');
    expect(error.actions[0]).to.match(/local clock is (299|30\d) s behind/);
    expect(clock?.status).to.equal('fail');
    expect(clock?.detail).to.match(/behind by (299|30\d) s/);
  });

  it('E10 consumer key unknown while the app propagates', async () => {
    emulator = await startTestEmulator({
      apps: [{ certificate: fixtureCertificate, profiles: [TEST_PROFILE], kind: 'connected-app', propagationDelaySeconds: 600 }],
    });
    const error = asCoded(await loginTo(emulator, { advice: { appEditedMinutesAgo: 2 } }));

    expect(error.code).to.equal('ERR_OAUTH_INVALID_CLIENT_ID');
    expect(salesforceAnswer(error)).to.equal('invalid_client_id / client identifier invalid');
    expect(error.actions[0]).to.include('10 minutes');
  });

  it('E11 deactivated user', async () => {
    emulator = await startTestEmulator({ users: [{ username: TEST_USERNAME, profile: TEST_PROFILE, active: false }] });
    const error = asCoded(await loginTo(emulator));

    expect(salesforceAnswer(error)).to.equal('invalid_grant / inactive user');
    expect(error.actions.join(' ')).to.include('Reactivate');
  });

  it('E12 user outside the login IP ranges', async () => {
    emulator = await startTestEmulator({
      users: [{ username: TEST_USERNAME, profile: TEST_PROFILE, loginIpRanges: [{ start: '10.0.0.0', end: '10.0.0.255' }] }],
    });
    const error = asCoded(await loginTo(emulator));

    expect(salesforceAnswer(error)).to.equal('invalid_grant / IP restricted or invalid login hours');
    expect(error.actions.join(' ')).to.include('Login IP Ranges').and.include('does not apply to the JWT bearer flow');
  });

  it('E13 two 503 answers then success', async () => {
    emulator = await startTestEmulator();
    emulator.injectFaults({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const retries: number[] = [];
    const result = (await loginTo(emulator, { onRetry: (attempt) => retries.push(attempt) })) as { attempts: number };

    expect(result.attempts).to.equal(3);
    expect(retries).to.deep.equal([1, 2]);
  });

  it('E13 a dropped connection is retried', async () => {
    emulator = await startTestEmulator();
    emulator.injectFaults({ kind: 'drop' });
    const result = (await loginTo(emulator)) as { attempts: number };

    expect(result.attempts).to.equal(2);
  });

  it('E13 retries are bounded', async () => {
    emulator = await startTestEmulator();
    emulator.injectFaults(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503 })));
    const error = asCoded(await loginTo(emulator));

    expect(error.code).to.equal('ERR_HTTP_SERVER_ERROR');
    expect(error.message).to.include('after 3 attempts');
  });

  it('E13 OAuth 4xx answers are never retried', async () => {
    emulator = await startTestEmulator();
    await loginTo(emulator, { username: 'nobody@example.com' });

    expect(tokenRequests(emulator)).to.equal(1);
  });

  it('E13 a timeout is retried and reported', async () => {
    emulator = await startTestEmulator();
    emulator.injectFaults({ kind: 'delay', milliseconds: 400 }, { kind: 'delay', milliseconds: 400 }, { kind: 'delay', milliseconds: 400 });
    const error = asCoded(await loginTo(emulator, { timeoutMs: 100 }));

    expect(error.code).to.equal('ERR_HTTP_TIMEOUT');
  });

  it('E15 misspelled grant type', async () => {
    emulator = await startTestEmulator();
    const response = await fetch(`${emulator.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-baerer&assertion=a.b.c',
    });

    expect(response.status).to.equal(400);
    expect(await response.json()).to.deep.equal({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
  });

  it('E16 Lightning UI domain as login URL', async () => {
    const cli = await runSfjwt(['token', '--login-url', 'https://acme.lightning.force.com', '--client-id', 'key',
      '--username', TEST_USERNAME, '--key-file', fixtureKeyPath]);

    expect(cli.exitCode).to.equal(2);
    expect(cli.stderr).to.include('ERR_LOGIN_URL_LIGHTNING');
    expect(cli.stderr).to.include('https://acme.my.salesforce.com');
  });

  it('E16 keeps the sandbox part of a Lightning domain', async () => {
    const sandbox = await runSfjwt(['token', '--login-url', 'https://acme--uat.sandbox.lightning.force.com', '--client-id', 'key',
      '--username', TEST_USERNAME, '--key-file', fixtureKeyPath]);
    const developer = await runSfjwt(['token', '--login-url', 'https://acme-dev-ed.develop.lightning.force.com', '--client-id', 'key',
      '--username', TEST_USERNAME, '--key-file', fixtureKeyPath]);

    expect(sandbox.stderr).to.include('https://acme--uat.sandbox.my.salesforce.com');
    expect(developer.stderr).to.include('https://acme-dev-ed.develop.my.salesforce.com');
  });

  it('E5 rejects an audience of the other family', () => {
    // getAccessToken runs the fallback audience through this check before it sends anything.
    const production = classifyLoginUrl('https://acme.my.salesforce.com');
    const attempt = (): unknown => resolveAudience(production, 'https://test.salesforce.com');

    expect(attempt).to.throw(SfjwtError).with.property('code', 'ERR_AUDIENCE_MISMATCH');
  });

  it('E5 rejects auto fallback without an alternative', async () => {
    emulator = await startTestEmulator();
    const error = asCoded(await loginTo(emulator, { audienceFallback: true }));

    expect(error.code).to.equal('ERR_SETTING_INVALID');
    expect(tokenRequests(emulator)).to.equal(0);
  });

  it('ranks advice without repeating itself', async () => {
    emulator = await startTestEmulator();
    const error = asCoded(await loginTo(emulator, { username: `${TEST_USERNAME}.dev` }));
    const topics = error.actions.map((action) => action.slice(0, 30));

    expect(new Set(topics).size).to.equal(topics.length);
    expect(error.actions.filter((action) => action.includes('test.salesforce.com'))).to.have.length(1);
  });
});
