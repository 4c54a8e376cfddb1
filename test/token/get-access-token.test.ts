import { expect } from 'chai';

import { getAccessToken } from '../../src/token/get-access-token.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { fixtureKeyPath, fixturePrivateKey } from '../helpers/fixtures.js';
import { startTestEmulator, TEST_USERNAME, type TestEmulator } from '../helpers/emulator.js';
import { startCaptureProxy, type CaptureProxy } from '../helpers/capture-proxy.js';
import { decodeJwt } from '../helpers/jwt.js';

describe('getAccessToken against the emulator', () => {
  let emulator: TestEmulator;
  let proxy: CaptureProxy;

  beforeEach(async () => {
    emulator = await startTestEmulator();
    proxy = await startCaptureProxy(emulator.url);
  });
  afterEach(async () => {
    await proxy.close();
    await emulator.close();
  });

  it('sends a signed assertion with the expected claims', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await getAccessToken({
      clientId: emulator.consumerKey,
      username: TEST_USERNAME,
      privateKey: { path: fixtureKeyPath },
      loginUrl: proxy.url,
    });

    const form = new URLSearchParams(proxy.bodies[0]);
    expect([...form.keys()].sort()).to.deep.equal(['assertion', 'grant_type']);
    expect(form.get('grant_type')).to.equal('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const { header, claims } = decodeJwt(form.get('assertion') ?? '');
    expect(header).to.deep.equal({ alg: 'RS256', typ: 'JWT' });
    expect(claims.iss).to.equal(emulator.consumerKey);
    expect(claims.sub).to.equal(TEST_USERNAME);
    expect(claims.aud).to.equal('https://login.salesforce.com');
    expect(Number.isInteger(claims.exp), 'exp is whole seconds').to.equal(true);
    expect(claims.exp).to.be.within(before + 179, before + 181);
    expect(claims).to.not.have.property('iat');
    expect(result.token.access_token.startsWith(`${emulator.config.org.orgId}!`)).to.equal(true);
    expect(result.audienceDerived).to.equal(true);
  });

  it('sends no password, client id or secret', async () => {
    await getAccessToken({ clientId: emulator.consumerKey, username: TEST_USERNAME, privateKey: fixturePrivateKey, loginUrl: proxy.url });

    const form = new URLSearchParams(proxy.bodies[0]);
    expect(form.has('password')).to.equal(false);
    expect(form.has('client_secret')).to.equal(false);
    expect(form.has('client_id')).to.equal(false);
    expect(emulator.state.stats.passwordsReceived).to.equal(0);
  });

  it('raises a coded error with the endpoint and audience', async () => {
    const error = await getAccessToken({
      clientId: 'unknown-key',
      username: TEST_USERNAME,
      privateKey: fixturePrivateKey,
      loginUrl: emulator.url,
    }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(SfjwtError);
    const coded = error as SfjwtError;
    expect(coded.code).to.equal('ERR_OAUTH_INVALID_CLIENT_ID');
    expect(coded.details.error).to.equal('invalid_client_id');
    expect(coded.details.errorDescription).to.equal('client identifier invalid');
    expect(coded.details.tokenEndpoint).to.equal(`${emulator.url}/services/oauth2/token`);
    expect(coded.details.audience).to.equal('https://login.salesforce.com');
    expect(coded.actions.length).to.be.greaterThan(1);
  });

  it('rejects whitespace around the consumer key before sending', async () => {
    const error = await getAccessToken({
      clientId: `${emulator.consumerKey}\n`,
      username: TEST_USERNAME,
      privateKey: fixturePrivateKey,
      loginUrl: proxy.url,
    }).catch((caught: unknown) => caught);

    expect((error as SfjwtError).code).to.equal('ERR_SETTING_WHITESPACE');
    expect(proxy.bodies).to.have.length(0);
  });

  it('rejects plain http outside loopback before sending', async () => {
    const error = await getAccessToken({
      clientId: emulator.consumerKey,
      username: TEST_USERNAME,
      privateKey: fixturePrivateKey,
      loginUrl: 'http://login.salesforce.com',
    }).catch((caught: unknown) => caught);

    expect((error as SfjwtError).code).to.equal('ERR_LOGIN_URL_INSECURE');
  });
});
