import { createHmac } from 'node:crypto';

import { expect } from 'chai';

import { fixtureCertificate } from '../helpers/fixtures.js';
import { startTestEmulator, TEST_PROFILE, TEST_USERNAME, type TestEmulator } from '../helpers/emulator.js';
import { postToken } from '../helpers/jwt.js';

const SECRET = 'fake-consumer-secret-for-tests';
const PASSWORD = 'fake-password';
const SECURITY_TOKEN = 'FAKETOKEN123';

async function legacyOrg(passwordFlowBlocked: boolean, kind: 'connected-app' | 'external-client-app' = 'connected-app'): Promise<TestEmulator> {
  return startTestEmulator({
    org: { passwordFlowBlocked },
    apps: [{ certificate: fixtureCertificate, profiles: [TEST_PROFILE], kind, consumerSecret: SECRET }],
    users: [{ username: TEST_USERNAME, profile: TEST_PROFILE, password: PASSWORD, securityToken: SECURITY_TOKEN }],
  });
}

function passwordForm(emulator: TestEmulator, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'password',
    client_id: emulator.consumerKey,
    client_secret: SECRET,
    username: TEST_USERNAME,
    password: PASSWORD + SECURITY_TOKEN,
    ...overrides,
  };
}

describe('emulator username-password grant', () => {
  let emulator: TestEmulator | undefined;

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('issues a token in the password flow shape', async () => {
    emulator = await legacyOrg(false);
    const { status, body } = await postToken(emulator.url, passwordForm(emulator));

    expect(status).to.equal(200);
    expect(Object.keys(body)).to.deep.equal(['access_token', 'instance_url', 'id', 'token_type', 'issued_at', 'signature']);
    expect(body.issued_at).to.match(/^\d{13}$/);
    const expected = createHmac('sha256', SECRET).update(`${String(body.id)}${String(body.issued_at)}`).digest('base64');
    expect(body.signature).to.equal(expected);
    expect(emulator.state.stats.passwordsReceived).to.equal(1);
  });

  it('fails when the org blocks the flow', async () => {
    emulator = await legacyOrg(true);
    const { status, body } = await postToken(emulator.url, passwordForm(emulator));

    expect(status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'authentication failure' });
  });

  it('fails for an External Client App', async () => {
    emulator = await legacyOrg(false, 'external-client-app');
    const { body } = await postToken(emulator.url, passwordForm(emulator));

    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'authentication failure' });
  });

  it('fails without the security token', async () => {
    emulator = await legacyOrg(false);
    const { body } = await postToken(emulator.url, passwordForm(emulator, { password: PASSWORD }));

    expect(body).to.deep.equal({ error: 'invalid_grant', error_description: 'authentication failure' });
  });

  it('rejects a wrong client secret', async () => {
    emulator = await legacyOrg(false);
    const { body } = await postToken(emulator.url, passwordForm(emulator, { client_secret: 'wrong' }));

    expect(body).to.deep.equal({ error: 'invalid_client', error_description: 'invalid client credentials' });
  });

  it('rejects an unknown client id', async () => {
    emulator = await legacyOrg(false);
    const { body } = await postToken(emulator.url, passwordForm(emulator, { client_id: 'unknown' }));

    expect(body).to.deep.equal({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
  });

  it('keeps the password out of its log', async () => {
    emulator = await legacyOrg(false);
    await postToken(emulator.url, passwordForm(emulator));
    await postToken(emulator.url, passwordForm(emulator, { password: 'wrong-password' }));

    expect(emulator.logLines).to.have.length(2);
    for (const line of emulator.logLines) {
      expect(line).to.not.include(PASSWORD);
      expect(line).to.not.include(SECURITY_TOKEN);
      expect(line).to.not.include(SECRET);
    }
  });
});
