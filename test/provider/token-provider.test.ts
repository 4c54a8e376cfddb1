import { expect } from 'chai';

import { isSfjwtError } from '../../src/errors/sfjwt-error.js';
import { createTokenProvider, type MintEvent } from '../../src/provider/token-provider.js';
import { startFixtureEmulator, type EmulatorFixture } from './helpers/emulator.js';

async function restStatus(fixture: EmulatorFixture, accessToken: string): Promise<number> {
  const response = await fetch(`${fixture.emulator.url}/services/data/v66.0/query?q=SELECT+Id+FROM+Account`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('token provider', () => {
  let fixture: EmulatorFixture;

  beforeEach(async () => {
    fixture = await startFixtureEmulator();
  });

  afterEach(async () => {
    await fixture.emulator.close();
  });

  it('mints once for 50 concurrent cold calls', async () => {
    const provider = createTokenProvider(fixture.login);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => provider.getToken()));

    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
    expect(new Set(tokens.map((entry) => entry.response.access_token)).size).to.equal(1);
    expect(await restStatus(fixture, tokens[0]!.response.access_token)).to.equal(200);
  });

  it('reuses the token for 1,000 calls', async () => {
    const provider = createTokenProvider(fixture.login);
    const first = await provider.getToken();
    for (let index = 0; index < 1_000; index += 1) {
      const entry = await provider.getToken();
      expect(entry.response.access_token).to.equal(first.response.access_token);
    }
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('mints once for 10 concurrent 401s', async () => {
    const provider = createTokenProvider(fixture.login);
    const stale = (await provider.getToken()).response.access_token;
    fixture.emulator.state.expireAllSessions();
    expect(await restStatus(fixture, stale)).to.equal(401);

    const renewed = await Promise.all(Array.from({ length: 10 }, () => provider.invalidate(stale)));

    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
    const fresh = renewed[0]!.response.access_token;
    expect(fresh).to.not.equal(stale);
    expect(renewed.every((entry) => entry.response.access_token === fresh)).to.equal(true);
    expect(await restStatus(fixture, fresh)).to.equal(200);
    expect((await provider.getToken()).response.access_token).to.equal(fresh);
  });

  it('ignores a stale token already replaced', async () => {
    const provider = createTokenProvider(fixture.login);
    const stale = (await provider.getToken()).response.access_token;
    const fresh = (await provider.invalidate(stale)).response.access_token;

    const again = await provider.invalidate(stale);

    expect(again.response.access_token).to.equal(fresh);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
  });

  it('re-mints a token past maxAgeSeconds', async () => {
    let offsetMs = 0;
    const provider = createTokenProvider({ ...fixture.login, maxAgeSeconds: 60, now: () => Date.now() + offsetMs });
    const first = await provider.getToken();
    offsetMs = 59_000;
    expect((await provider.getToken()).response.access_token).to.equal(first.response.access_token);
    offsetMs = 61_000;

    const second = await provider.getToken();

    expect(second.response.access_token).to.not.equal(first.response.access_token);
    expect(second.version).to.be.greaterThan(first.version);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
  });

  it('re-mints ahead of maxAgeSeconds in the background', async () => {
    let offsetMs = 0;
    const events: MintEvent[] = [];
    const provider = createTokenProvider({
      ...fixture.login,
      maxAgeSeconds: 60,
      refreshAheadSeconds: 20,
      now: () => Date.now() + offsetMs,
      onMint: (event) => events.push(event),
    });
    const first = await provider.getToken();
    offsetMs = 45_000;

    const during = await Promise.all(Array.from({ length: 5 }, () => provider.getToken()));
    await new Promise((settled) => setTimeout(settled, 100));
    const after = await provider.getToken();

    expect(during.every((entry) => entry.response.access_token === first.response.access_token)).to.equal(true);
    expect(after.response.access_token).to.not.equal(first.response.access_token);
    expect(events.map((event) => event.reason)).to.deep.equal(['missing', 'expiring']);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(2);
  });

  it('tries a background re-mint once per token', async () => {
    let offsetMs = 0;
    const provider = createTokenProvider({
      ...fixture.login,
      maxAgeSeconds: 60,
      refreshAheadSeconds: 20,
      failureHoldMs: 0,
      now: () => Date.now() + offsetMs,
    });
    const first = await provider.getToken();
    fixture.emulator.state.config.users[0]!.active = false;
    offsetMs = 45_000;

    for (let index = 0; index < 20; index += 1) {
      expect((await provider.getToken()).response.access_token).to.equal(first.response.access_token);
      await new Promise((settled) => setTimeout(settled, 5));
    }

    expect(fixture.emulator.state.stats.tokenRequests['jwt-bearer']).to.equal(2);
  });

  it('rejects refreshAheadSeconds not below maxAgeSeconds', () => {
    let error: unknown;
    try {
      createTokenProvider({ ...fixture.login, maxAgeSeconds: 60, refreshAheadSeconds: 60 });
    } catch (caught) {
      error = caught;
    }
    expect(isSfjwtError(error, 'ERR_SETTING_INVALID')).to.equal(true);
  });

  it('shares one rejection among concurrent callers', async () => {
    const provider = createTokenProvider({ ...fixture.login, username: 'unknown@example.com' });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => provider.getToken()));

    expect(fixture.emulator.state.stats.tokenRequests['jwt-bearer']).to.equal(1);
    for (const outcome of outcomes) {
      expect(outcome.status).to.equal('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as unknown;
      expect(isSfjwtError(reason, 'ERR_OAUTH_USER_NOT_APPROVED')).to.equal(true);
    }
  });

  it('holds a rejection for failureHoldMs', async () => {
    const provider = createTokenProvider({ ...fixture.login, username: 'unknown@example.com', failureHoldMs: 60_000 });
    await provider.getToken().catch(() => undefined);

    const error = await provider.getToken().catch((reason: unknown) => reason);

    expect(isSfjwtError(error, 'ERR_OAUTH_USER_NOT_APPROVED')).to.equal(true);
    expect(fixture.emulator.state.stats.tokenRequests['jwt-bearer']).to.equal(1);
  });

  it('sends a new request once the hold is off', async () => {
    const provider = createTokenProvider({ ...fixture.login, username: 'unknown@example.com', failureHoldMs: 0 });
    await provider.getToken().catch(() => undefined);
    await provider.getToken().catch(() => undefined);

    expect(fixture.emulator.state.stats.tokenRequests['jwt-bearer']).to.equal(2);
  });

  it('does not hold a network failure', async () => {
    const provider = createTokenProvider({ ...fixture.login, retry: { retries: 0 } });
    fixture.emulator.injectFaults({ kind: 'status', status: 503 });
    const error = await provider.getToken().catch((reason: unknown) => reason);
    expect(isSfjwtError(error, 'ERR_HTTP_SERVER_ERROR')).to.equal(true);

    const entry = await provider.getToken();

    expect(entry.response.access_token).to.match(/^00D/);
    expect(fixture.emulator.state.stats.jwtExchanges).to.equal(1);
  });

  it('reports mints without the token', async () => {
    const events: MintEvent[] = [];
    const provider = createTokenProvider({ ...fixture.login, onMint: (event) => events.push(event) });
    const entry = await provider.getToken();
    await provider.invalidate(entry.response.access_token);

    expect(events.map((event) => [event.reason, event.outcome])).to.deep.equal([
      ['missing', 'issued'],
      ['invalidated', 'issued'],
    ]);
    expect(JSON.stringify(events)).to.not.include(entry.response.access_token);
  });

  it('keys the cache by token URL, consumer key and username', () => {
    const one = createTokenProvider(fixture.login);
    const same = createTokenProvider({ ...fixture.login });
    const otherUser = createTokenProvider({ ...fixture.login, username: 'other@example.com' });

    expect(one.cacheKey).to.equal(same.cacheKey);
    expect(one.cacheKey).to.not.equal(otherUser.cacheKey);
    expect(one.tokenEndpoint).to.equal(`${fixture.emulator.url}/services/oauth2/token`);
  });

  it('rejects wrong argument types with TypeError', () => {
    expect(() => createTokenProvider(undefined as never)).to.throw(TypeError);
    expect(() => createTokenProvider({ ...fixture.login, maxAgeSeconds: '60' as never })).to.throw(TypeError);
    expect(() => createTokenProvider({ ...fixture.login, store: 42 as never })).to.throw(TypeError);
  });

  it('rejects a non-positive maxAgeSeconds', () => {
    let error: unknown;
    try {
      createTokenProvider({ ...fixture.login, maxAgeSeconds: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(isSfjwtError(error, 'ERR_SETTING_INVALID')).to.equal(true);
    expect((error as Error).message).to.include('maxAgeSeconds');
  });
});

describe('token provider when logged', () => {
  it('hides the key source and the token', async () => {
    const { readFileSync } = await import('node:fs');
    const { inspect } = await import('node:util');
    const { fixtureKeyPath, fixtureCertificate } = await import('../helpers/fixtures.js');
    const { startTestEmulator, TEST_USERNAME } = await import('../helpers/emulator.js');
    const emulator = await startTestEmulator({ apps: [{ certificate: fixtureCertificate, profiles: ['Integration User'] }] });
    const pem = readFileSync(fixtureKeyPath, 'utf8');
    const provider = createTokenProvider({
      clientId: emulator.consumerKey,
      username: TEST_USERNAME,
      privateKey: { data: pem, passphrase: 'not-needed-secret' },
      loginUrl: emulator.url,
    });
    const { response } = await provider.getToken();
    const printed = inspect(provider, { depth: 10 }) + JSON.stringify(provider);
    await emulator.close();

    expect(printed).to.include(emulator.url);
    expect(printed).to.not.include('PRIVATE KEY');
    expect(printed).to.not.include('not-needed-secret');
    expect(printed).to.not.include(response.access_token);
  });
});
