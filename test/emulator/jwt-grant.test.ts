import { generateKeyPairSync } from 'node:crypto';

import { expect } from 'chai';

import { JWT_BEARER_GRANT } from '../../src/emulator/token-endpoint.js';
import { fixtureCertificate, fixturePrivateKey } from '../helpers/fixtures.js';
import { startTestEmulator, TEST_USERNAME, type TestEmulator } from '../helpers/emulator.js';
import { postToken, signTestJwt } from '../helpers/jwt.js';

const LOGIN = 'https://login.salesforce.com';

function claimsFor(emulator: TestEmulator, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: emulator.consumerKey, sub: TEST_USERNAME, aud: LOGIN, exp: Math.floor(Date.now() / 1000) + 120, ...extra };
}

async function exchange(emulator: TestEmulator, assertion: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return postToken(emulator.url, { grant_type: JWT_BEARER_GRANT, assertion });
}

describe('emulator JWT bearer grant', () => {
  let emulator: TestEmulator;

  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.close());

  it('issues a token in Salesforce shape', async () => {
    const { status, body } = await exchange(emulator, signTestJwt(claimsFor(emulator), fixturePrivateKey));

    expect(status).to.equal(200);
    expect(Object.keys(body)).to.deep.equal(['access_token', 'scope', 'instance_url', 'id', 'token_type']);
    expect(body.access_token).to.match(new RegExp(`^${emulator.config.org.orgId}![A-Za-z0-9_-]{40,}$`));
    expect(body.token_type).to.equal('Bearer');
    expect(body.instance_url).to.equal(emulator.url);
    expect(body.id).to.match(/\/id\/00D[A-Za-z0-9]{15}\/005[A-Za-z0-9]{15}$/);
    expect(body).to.not.have.property('refresh_token');
    expect(body).to.not.have.property('issued_at');
    expect(emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('rejects a key that does not match the certificate', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { status, body } = await exchange(emulator, signTestJwt(claimsFor(emulator), privateKey));

    expect(status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'invalid assertion' });
  });

  it('rejects a wrong audience', async () => {
    const assertion = signTestJwt(claimsFor(emulator, { aud: 'https://test.salesforce.com' }), fixturePrivateKey);
    const { status, body } = await exchange(emulator, assertion);

    expect(status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'audience is invalid' });
  });

  it('rejects an audience array even with a valid URL', async () => {
    const assertion = signTestJwt(claimsFor(emulator, { aud: [LOGIN] }), fixturePrivateKey);
    const { body } = await exchange(emulator, assertion);

    expect(body.error_description).to.equal('audience is invalid');
  });

  it('rejects http instead of https in the audience', async () => {
    const assertion = signTestJwt(claimsFor(emulator, { aud: 'http://login.salesforce.com' }), fixturePrivateKey);
    const { body } = await exchange(emulator, assertion);

    expect(body.error_description).to.equal('audience is invalid');
  });

  it('rejects an expired exp', async () => {
    const assertion = signTestJwt(claimsFor(emulator, { exp: Math.floor(Date.now() / 1000) - 10 }), fixturePrivateKey);
    const { status, body } = await exchange(emulator, assertion);

    expect(status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'expired authorization code' });
  });

  it('accepts exp as a numeric string and in milliseconds', async () => {
    const asString = String(Math.floor(Date.now() / 1000) + 60);
    const first = await exchange(emulator, signTestJwt(claimsFor(emulator, { exp: asString }), fixturePrivateKey));
    const second = await exchange(emulator, signTestJwt(claimsFor(emulator, { exp: Date.now() + 60_000 }), fixturePrivateKey));

    expect(first.status).to.equal(200);
    expect(second.status).to.equal(200);
  });

  it('rejects an unknown consumer key', async () => {
    const assertion = signTestJwt(claimsFor(emulator, { iss: '3MVG9unknown' }), fixturePrivateKey);
    const { status, body } = await exchange(emulator, assertion);

    expect(status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
  });

  it('rejects a replayed jti', async () => {
    const assertion = signTestJwt(claimsFor(emulator, { jti: 'once' }), fixturePrivateKey);
    const first = await exchange(emulator, assertion);
    const replay = await exchange(emulator, assertion);

    expect(first.status).to.equal(200);
    expect(replay.status).to.equal(400);
    expect(replay.body.error).to.equal('invalid_grant');
  });

  it('accepts prn as the legacy subject claim', async () => {
    const claims = claimsFor(emulator);
    delete claims.sub;
    const { status } = await exchange(emulator, signTestJwt({ ...claims, prn: TEST_USERNAME }, fixturePrivateKey));

    expect(status).to.equal(200);
  });

  it('rejects an algorithm other than RS256', async () => {
    const assertion = signTestJwt(claimsFor(emulator), fixturePrivateKey, { alg: 'RS512' });
    const { body } = await exchange(emulator, assertion);

    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'invalid assertion' });
  });

  it('rejects a PEM sent as the assertion', async () => {
    const { body } = await exchange(emulator, fixtureCertificate);

    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'invalid assertion' });
  });
});

describe('emulator grant type handling', () => {
  let emulator: TestEmulator;

  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.close());

  const unsupported = { error: 'unsupported_grant_type', error_description: 'grant type not supported' };

  it('rejects a misspelled grant type', async () => {
    const { status, body } = await postToken(emulator.url, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt_bearer' });

    expect(status).to.equal(400);
    expect(body).to.deep.equal(unsupported);
  });

  it('rejects a grant type in the query string', async () => {
    const query = `?grant_type=${encodeURIComponent(JWT_BEARER_GRANT)}`;
    const { body } = await postToken(emulator.url, {}, { query });

    expect(body).to.deep.equal(unsupported);
  });

  it('rejects a JSON body', async () => {
    const body = JSON.stringify({ grant_type: JWT_BEARER_GRANT, assertion: 'x.y.z' });
    const result = await postToken(emulator.url, {}, { contentType: 'application/json', body });

    expect(result.body).to.deep.equal(unsupported);
  });
});
