import { expect } from 'chai';

import { JWT_BEARER_GRANT } from '../../src/emulator/token-endpoint.js';
import { toId18 } from '../../src/emulator/ids.js';
import { fixturePrivateKey } from '../helpers/fixtures.js';
import { startTestEmulator, TEST_USERNAME, type TestEmulator } from '../helpers/emulator.js';
import { postToken, signTestJwt } from '../helpers/jwt.js';

const INVALID_SESSION = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];

async function mint(emulator: TestEmulator, now = Date.now()): Promise<string> {
  const claims = { iss: emulator.consumerKey, sub: TEST_USERNAME, aud: 'https://login.salesforce.com', exp: Math.floor(now / 1000) + 120 };
  const { body } = await postToken(emulator.url, { grant_type: JWT_BEARER_GRANT, assertion: signTestJwt(claims, fixturePrivateKey) });
  return body.access_token as string;
}

async function get(emulator: TestEmulator, path: string, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${emulator.url}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('emulator REST resources', () => {
  it('serves userinfo for a live token', async () => {
    const emulator = await startTestEmulator();
    const token = await mint(emulator);
    const { status, body } = await get(emulator, '/services/oauth2/userinfo', token);
    await emulator.close();

    expect(status).to.equal(200);
    expect(body).to.include({ preferred_username: TEST_USERNAME });
  });

  it('answers 401 INVALID_SESSION_ID for an unknown token', async () => {
    const emulator = await startTestEmulator();
    const { status, body } = await get(emulator, '/services/data/v62.0/', `${emulator.config.org.orgId}!unknown`);
    await emulator.close();

    expect(status).to.equal(401);
    expect(body).to.deep.equal(INVALID_SESSION);
  });

  it('revokes a token', async () => {
    const emulator = await startTestEmulator();
    const token = await mint(emulator);
    const revoke = await fetch(`${emulator.url}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    const after = await get(emulator, '/services/data/v62.0/', token);
    const again = await fetch(`${emulator.url}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    await emulator.close();

    expect(revoke.status).to.equal(200);
    expect(after.status).to.equal(401);
    expect(again.status).to.equal(200);
  });

  it('rejects revoking an unknown token', async () => {
    const emulator = await startTestEmulator();
    const response = await fetch(`${emulator.url}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=nothing',
    });
    const body = await response.json();
    await emulator.close();

    expect(response.status).to.equal(400);
    expect(body).to.deep.equal({ error: 'invalid_token', error_description: 'invalid token' });
  });

  it('expires a session after the idle timeout', async () => {
    let now = Date.now();
    const emulator = await startTestEmulator({ org: { sessionTimeoutSeconds: 60 } }, () => now);
    const token = await mint(emulator, now);
    now += 50_000;
    const active = await get(emulator, '/services/data/v62.0/', token);
    now += 50_000;
    const stillActive = await get(emulator, '/services/data/v62.0/', token);
    now += 61_000;
    const expired = await get(emulator, '/services/data/v62.0/', token);
    await emulator.close();

    expect(active.status, 'activity resets the timeout').to.equal(200);
    expect(stillActive.status).to.equal(200);
    expect(expired.status).to.equal(401);
    expect(expired.body).to.deep.equal(INVALID_SESSION);
  });
});

describe('toId18', () => {
  it('adds the case-encoding suffix', () => {
    expect(toId18('00D000000000062')).to.equal('00D000000000062EAA');
    expect(toId18('001A0000006Vm9r')).to.equal('001A0000006Vm9rIAC');
  });
});

describe('emulator robustness', () => {
  it('answers 400 to an invalid request path and keeps serving', async () => {
    const { connect } = await import('node:net');
    const emulator = await startTestEmulator();
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(emulator.port, '127.0.0.1', () => socket.write('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    const after = await get(emulator, '/services/data');
    await emulator.close();

    expect(raw).to.match(/^HTTP\/1\.1 400/);
    expect(after.status).to.equal(200);
  });
});
